/**
 * How close an entry's region is to the caller's: a Suzhou caller sees Suzhou's (and their county's)
 * rules before Nanjing's, provincial ones next, national ones after, other provinces last.
 * Division codes nest by prefix: 32 (province) → 3205 (city) → 320505 (county) → 320505001.
 */
export type RegionTier = 0 | 1 | 2 | 3 | 4;

const significant = (code: string): string => code.replace(/(00)+$/, '');

export const regionTier = (entryRegion: string | null, callerRegion: string | null): RegionTier => {
  if (!entryRegion || /^0+$/.test(entryRegion) || entryRegion === '100000') return 3; // national
  const entry = significant(entryRegion);
  const caller = callerRegion ? significant(callerRegion) : '';
  if (caller && entry.length > 2 && caller.startsWith(entry)) return entry.length >= 6 ? 0 : 1; // county / city of the caller
  if (caller && entry.length > 2 && entry.startsWith(caller)) return 1; // inside the caller's area
  if (entry.length === 2) return caller.startsWith(entry) ? 2 : 4; // a province: the caller's or another
  return 4; // another city's or another province's rules apply to other people
};
