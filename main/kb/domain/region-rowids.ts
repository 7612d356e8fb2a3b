/**
 * Entries are stored with rowid = region number × 10⁶ + sequence, where the region number is the
 * county-level part of the division code (6 digits, padded: 32 → 320000, 3205 → 320500; national
 * entries: 0). Rowids stay below 2⁵³, exact in JavaScript. All entries of one county, city or
 * province are then one contiguous rowid range, and FTS5 can restrict a MATCH to a range without
 * scoring anything outside it. Searching tier by tier (the caller's county, their city, the
 * province, national, the rest) means a common word like 公积金 is ranked among the caller's own
 * region's few thousand entries, not among all 222 thousand.
 */
export const REGION_SLOT = 1_000_000;
const MAX_REGION = 999_999;

export type RowidRange = readonly [number, number];

const significant = (code: string): string => code.replace(/(00)+$/, '');

/** The 6-digit region number of a division code; national and unknown regions are 0. */
export const regionNumber = (code: string | null): number => {
  if (!code || /^0+$/.test(code) || code === '100000') return 0;
  return Number(code.slice(0, 6).padEnd(6, '0'));
};

export const rowidRangeOfRegion = (code: string | null): RowidRange => {
  const base = regionNumber(code) * REGION_SLOT;
  return [base, base + REGION_SLOT - 1];
};

/** Rowid range of everything inside a division (its own entries and those of its children). */
const subtree = (sig: string): RowidRange => {
  const lo = Number(sig.padEnd(6, '0'));
  const hi = Number(sig.padEnd(6, '9'));
  return [lo * REGION_SLOT, hi * REGION_SLOT + REGION_SLOT - 1];
};

/** Removes `cut` from each range of `ranges`. */
const minus = (ranges: readonly RowidRange[], cut: RowidRange): RowidRange[] =>
  ranges.flatMap(([lo, hi]) => {
    if (cut[1] < lo || cut[0] > hi) return [[lo, hi] as RowidRange];
    const out: RowidRange[] = [];
    if (cut[0] > lo) out.push([lo, cut[0] - 1]);
    if (cut[1] < hi) out.push([cut[1] + 1, hi]);
    return out;
  });

/**
 * The search tiers for a caller, nearest first; together they cover every rowid exactly once.
 * Without a caller region there is one tier: everything.
 */
export const searchTiers = (callerRegion: string | null): RowidRange[][] => {
  const everything: RowidRange = [0, MAX_REGION * REGION_SLOT + REGION_SLOT - 1];
  const sig = callerRegion ? significant(callerRegion.slice(0, 6)) : '';
  if (sig.length < 2) return [[everything]];
  const province = sig.slice(0, 2);
  const city = sig.length >= 4 ? sig.slice(0, 4) : null;
  const county = sig.length >= 6 ? sig.slice(0, 6) : null;
  const tiers: RowidRange[][] = [];
  let rest: RowidRange[] = [everything];
  const take = (ranges: RowidRange[]): void => {
    const kept = ranges.filter(([lo, hi]) => lo <= hi);
    if (kept.length > 0) tiers.push(kept);
    for (const range of kept) rest = minus(rest, range);
  };
  if (county) take([subtree(county)]);
  if (city) take(minus([subtree(city)], county ? subtree(county) : [1, 0]));
  take([rowidRangeOfRegion(province)]);
  take([rowidRangeOfRegion(null)]);
  tiers.push(rest);
  return tiers;
};
