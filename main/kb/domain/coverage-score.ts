/**
 * How well an entry answers the caller's words, when not every word is in it: each word weighs by
 * how rare it is among titles (a rare 签注 says more than a common 办理), a word found in the title
 * counts fully, one only in the body a quarter. Then a little for a title that is mostly the
 * caller's words (a short exact title beats a long one that mentions them), a little for entries
 * agents here cite often, a little for the caller's word order kept by the title (预约计划 before
 * 计划预约), and the caller's own region first among near-equals: 0.05 per tier, so a
 * clearly better entry from the province still wins over a weak one from the county.
 */
export interface ScoredWord {
  /** Lower-case strings, any of which counts as this word being present. */
  readonly texts: readonly string[];
  /** Titles containing the word (capped): its rarity. */
  readonly titleCount: number;
}

export interface RankCandidate {
  readonly title: string;
  readonly body: string;
  readonly tier: number;
  /** Citations of this entry by agents in the caller's region. */
  readonly citations: number;
  /** An alias learned from agents' citations for this very query (see learned aliases). */
  readonly learned: boolean;
}

const TITLE_TOTAL = 250_000;
const BODY_SHARE = 0.25;
const DENSITY_SHARE = 0.1;
const TIER_STEP = 0.05;
const POPULARITY_SHARE = 0.02;
/** Above any score without it: the agents' own choice for these words comes first. */
const LEARNED_BOOST = 2;
const ORDER_SHARE = 0.1;
/** One-character words still count, but alone they match too much to count fully. */
const SINGLE_CHARACTER_SHARE = 0.3;

/** A word no title has (only bodies, or nothing at all) tells entries apart by their bodies only. */
const UNTITLED_WEIGHT = 1;

export const wordWeight = (word: ScoredWord): number => {
  if (word.titleCount === 0) return UNTITLED_WEIGHT;
  const rarity = Math.log(1 + TITLE_TOTAL / Math.max(1, word.titleCount));
  return word.texts.every((text) => Array.from(text).length === 1) ? rarity * SINGLE_CHARACTER_SHARE : rarity;
};

const longestIn = (haystack: string, texts: readonly string[]): string | null =>
  texts.filter((text) => haystack.includes(text)).sort((a, b) => b.length - a.length)[0] ?? null;

export const coverageScore = (candidate: RankCandidate, words: readonly ScoredWord[]): number => {
  const title = candidate.title.normalize('NFKC').toLowerCase();
  const body = candidate.body.normalize('NFKC').toLowerCase();
  let total = 0;
  let found = 0;
  let matchedLength = 0;
  const positions: number[] = [];
  for (const word of words) {
    const weight = wordWeight(word);
    total += weight;
    const inTitle = longestIn(title, word.texts);
    if (inTitle) {
      found += weight;
      matchedLength += Array.from(inTitle).length;
      positions.push(title.indexOf(inTitle));
    } else if (longestIn(body, word.texts)) found += weight * BODY_SHARE;
  }
  const inOrder = positions.filter((position, at) => at > 0 && position > positions[at - 1]!).length;
  const order = positions.length > 1 ? inOrder / (positions.length - 1) : 0;
  const coverage = total === 0 ? 0 : found / total;
  const density = Math.min(1, matchedLength / Math.max(1, Array.from(title).length));
  return (
    coverage +
    DENSITY_SHARE * density +
    ORDER_SHARE * order +
    POPULARITY_SHARE * Math.log2(1 + candidate.citations) -
    TIER_STEP * candidate.tier +
    (candidate.learned ? LEARNED_BOOST : 0)
  );
};

/** Every word is somewhere in the entry: what counts as "found" for the knowledge-base team. */
export const coversAll = (candidate: Pick<RankCandidate, 'title' | 'body'>, words: readonly ScoredWord[]): boolean => {
  const text = `${candidate.title} ${candidate.body}`.normalize('NFKC').toLowerCase();
  return words.every((word) => longestIn(text, word.texts) !== null);
};
