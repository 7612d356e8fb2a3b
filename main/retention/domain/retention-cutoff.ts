const DAY_MS = 24 * 3600 * 1000;

/**
 * The instant before which a closed order's personal data may go: it must have been closed, and the
 * platform must have acknowledged every change of it, at least `days` whole days ago.
 */
export const retentionCutoff = (now: Date, days: number): string => {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`retention days must be a positive integer, got ${days}`);
  return new Date(now.getTime() - days * DAY_MS).toISOString();
};
