import type { PickerItem } from '../../../../preload/contract';

/**
 * Keyboard search for the category and place pickers: Chinese text, full pinyin (`shehui`) and
 * pinyin initials (`sb` → 社保, `nj` → 南京). Better matches first; among equals, recently used
 * items, then shallower levels (南京市 before 南京路街道), then the data's own order.
 */
const score = (item: PickerItem, query: string): number => {
  if (item.name === query) return 100;
  if (item.name.startsWith(query)) return 90;
  if (item.initials === query) return 85;
  if (item.initials.startsWith(query)) return 80;
  if (item.full.startsWith(query)) return 75;
  if (item.name.includes(query)) return 60;
  if (item.initials.includes(query)) return 40;
  if (item.full.includes(query)) return 35;
  if (item.path.includes(query)) return 20;
  return 0;
};

export const matchPickerItems = <T extends PickerItem>(
  items: readonly T[],
  rawQuery: string,
  options: { readonly recent?: readonly string[]; readonly limit?: number; readonly accept?: (item: T) => boolean } = {},
): T[] => {
  const query = rawQuery.trim().toLowerCase().replace(/\s+/g, '');
  const recent = options.recent ?? [];
  const limit = options.limit ?? 12;
  const accept = options.accept ?? (() => true);
  const recentRank = (code: string): number => {
    const index = recent.indexOf(code);
    return index < 0 ? recent.length : index;
  };
  if (query === '') {
    return recent
      .map((code) => items.find((item) => item.code === code))
      .filter((item): item is T => item !== undefined && accept(item))
      .slice(0, limit);
  }
  return items
    .map((item, index) => ({ item, index, score: accept(item) ? score(item, query) : 0 }))
    .filter((entry) => entry.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        recentRank(a.item.code) - recentRank(b.item.code) ||
        a.item.level - b.item.level ||
        a.index - b.index,
    )
    .slice(0, limit)
    .map((entry) => entry.item);
};
