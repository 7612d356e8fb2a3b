import type { Lexicon } from './lexicon';

/** Cuts a run of Chinese text into words (jieba in main; a plain fallback when it cannot load). */
export type Segment = (text: string) => readonly string[];

/** One word of what the caller said, with every string that counts as a match for it. */
export interface QueryWord {
  readonly text: string;
  /** The word itself first, then its group's members or the official terms it stands for. */
  readonly alternatives: readonly string[];
}

const MAX_QUERY = 64;
const MAX_WORDS = 8;
const PUNCTUATION = /[\s\p{P}\p{S}]+/u;

interface LexiconIndex {
  readonly expansions: ReadonlyMap<string, readonly string[]>;
  readonly stopwords: ReadonlySet<string>;
  /** Lexicon phrases by first character, longest first: kept whole before the segmenter runs. */
  readonly phrasesByFirst: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<Lexicon, LexiconIndex>();

const indexOf = (lexicon: Lexicon): LexiconIndex => {
  const known = indexes.get(lexicon);
  if (known) return known;
  const expansions = new Map<string, string[]>();
  const add = (phrase: string, terms: readonly string[]): void => {
    const current = expansions.get(phrase) ?? [phrase];
    for (const term of terms) if (!current.includes(term)) current.push(term);
    expansions.set(phrase, current);
  };
  for (const group of lexicon.groups) for (const member of group) add(member, group);
  for (const [phrase, terms] of Object.entries(lexicon.aliases)) add(phrase, terms);
  const phrasesByFirst = new Map<string, string[]>();
  // One-character aliases (查 → 查询) stand for a verb the segmenter cut alone, never for a
  // character inside a word (检查): they are not kept whole before segmenting.
  // Filler words of two or more characters are cut whole too (请问, 怎么办), then dropped.
  const whole = [...expansions.keys(), ...lexicon.userWords, ...lexicon.stopwords];
  for (const phrase of whole.filter((candidate) => Array.from(candidate).length > 1)) {
    const first = phrase[0]!;
    const list = phrasesByFirst.get(first) ?? [];
    if (!list.includes(phrase)) list.push(phrase);
    phrasesByFirst.set(first, list);
  }
  for (const list of phrasesByFirst.values()) list.sort((a, b) => b.length - a.length);
  const built = { expansions, stopwords: new Set(lexicon.stopwords), phrasesByFirst };
  indexes.set(lexicon, built);
  return built;
};

/** The lexicon phrase starting at `at`, longest first. */
const phraseAt = (chunk: string, at: number, index: LexiconIndex): string | undefined =>
  index.phrasesByFirst.get(chunk[at]!)?.find((candidate) => chunk.startsWith(candidate, at));

/**
 * Jieba leaves a word it does not know as single characters (河长 → 河 长): consecutive single
 * characters are joined back into one word, which the title index can still find. Filler words
 * are dropped here and end a run (河 的 河 长 is 河 and 河长, not 河河长).
 */
const wordsOfSegments = (pieces: readonly string[], index: LexiconIndex): string[] => {
  const out: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run !== '') out.push(run);
    run = '';
  };
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '' || index.stopwords.has(piece)) flush();
    else if (Array.from(piece).length === 1 && /[\u3400-\u9fff]/u.test(piece) && !index.expansions.has(piece)) run += piece;
    else {
      flush();
      out.push(piece);
    }
  }
  flush();
  return out;
};

/**
 * Splits a chunk at lexicon phrases, left to right; a phrase gives way to a longer one starting on
 * its second character (领养老金: 养老金, not 领养). The rest goes to the segmenter.
 */
const cutAtPhrases = (chunk: string, index: LexiconIndex, segment: Segment): string[] => {
  const out: string[] = [];
  let pending = '';
  const flush = (): void => {
    if (pending !== '') out.push(...wordsOfSegments(segment(pending), index));
    pending = '';
  };
  for (let at = 0; at < chunk.length;) {
    const phrase = phraseAt(chunk, at, index);
    const next = phrase && phrase.length > 1 ? phraseAt(chunk, at + 1, index) : undefined;
    if (phrase && !(next && next.length > phrase.length)) {
      flush();
      out.push(phrase);
      at += phrase.length;
    } else {
      pending += chunk[at];
      at += 1;
    }
  }
  flush();
  return out;
};

/**
 * What the caller said as the words an entry could be about: lexicon phrases kept whole, the rest
 * segmented, filler words dropped, each word with its alternatives. Single characters stay when
 * the lexicon knows them (查 → 查询) or nothing longer is left (房, 税): alone they match too much.
 */
export const queryWords = (query: string, lexicon: Lexicon, segment: Segment): QueryWord[] => {
  const index = indexOf(lexicon);
  const text = query.normalize('NFKC').toLowerCase().trim().slice(0, MAX_QUERY);
  const words: string[] = [];
  for (const chunk of text.split(PUNCTUATION).filter(Boolean))
    for (const word of cutAtPhrases(chunk, index, segment)) {
      const trimmed = word.trim();
      if (trimmed !== '' && !index.stopwords.has(trimmed) && !words.includes(trimmed)) words.push(trimmed);
    }
  const longer = words.filter((word) => Array.from(word).length > 1 || /[a-z0-9]/.test(word) || index.expansions.has(word));
  const kept = (longer.length > 0 ? longer : words).slice(0, MAX_WORDS);
  // 驾驶证 and 驾照 in one query are one word said twice: counted once.
  const seen = new Set<string>();
  return kept
    .map((word) => ({ text: word, alternatives: index.expansions.get(word) ?? [word] }))
    .filter((word) => {
      const meaning = [...word.alternatives].sort().join('|');
      if (seen.has(meaning)) return false;
      seen.add(meaning);
      return true;
    });
};

/** The same words however they were ordered: the key a learned alias is kept under. */
export const queryKey = (words: readonly QueryWord[]): string =>
  words
    .map((word) => word.text)
    .sort()
    .join(' ');

/** Every string worth highlighting in a hit, longest first. */
export const wordHighlights = (words: readonly QueryWord[]): string[] =>
  [...new Set(words.flatMap((word) => word.alternatives))].sort((a, b) => b.length - a.length);
