/**
 * 工单号: centre code (6 digits), China date (8), this PC's station (3 digits, given by the platform at
 * sign-in, unique within the centre), daily sequence (4). A console that has never signed in has no
 * station yet: its numbers carry a provisional one, `L` and four random letters/digits, so they read
 * as provisional and a clash between two such consoles (about 1 in a million per pair) is caught on
 * pull, where the later order gets its id's head appended.
 */
export const PROVISIONAL_STATION = /^L[0-9A-HJKMNP-TV-Z]{4}$/;
const ASSIGNED_STATION = /^\d{3}$/;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const provisionalStation = (random: () => number = Math.random): string =>
  `L${Array.from({ length: 4 }, () => CROCKFORD[Math.floor(random() * CROCKFORD.length)]).join('')}`;

export const isAssignedStation = (station: string): boolean => ASSIGNED_STATION.test(station);

export const isProvisionalNumber = (number: string): boolean => /^\d{14}L/.test(number);

export const formatWorkOrderNumber = (parts: {
  centreCode: string;
  chinaDate: string;
  station: string;
  sequence: number;
}): string => {
  if (!/^\d{6}/.test(parts.centreCode)) throw new RangeError('centre code must start with a 6-digit division code');
  if (!ASSIGNED_STATION.test(parts.station) && !PROVISIONAL_STATION.test(parts.station))
    throw new RangeError('station must be 3 digits or a provisional L-code');
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > 9999)
    throw new RangeError('daily sequence must be 1–9999');
  return `${parts.centreCode.slice(0, 6)}${parts.chinaDate.replace(/-/g, '')}${parts.station}${String(parts.sequence).padStart(4, '0')}`;
};
