/**
 * 工单号: centre code (6 digits), China date (8), this PC's station number (3), daily sequence (4).
 * The station number keeps two PCs of one centre from issuing the same number offline; the platform
 * may still renumber on reconciliation.
 */
export const formatWorkOrderNumber = (parts: {
  centreCode: string;
  chinaDate: string;
  station: string;
  sequence: number;
}): string => {
  if (!/^\d{6}/.test(parts.centreCode)) throw new RangeError('centre code must start with a 6-digit division code');
  if (!/^\d{3}$/.test(parts.station)) throw new RangeError('station must be 3 digits');
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > 9999)
    throw new RangeError('daily sequence must be 1–9999');
  return `${parts.centreCode.slice(0, 6)}${parts.chinaDate.replace(/-/g, '')}${parts.station}${String(parts.sequence).padStart(4, '0')}`;
};
