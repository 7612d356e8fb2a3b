import { z } from 'zod';

const term = z.string().min(1).max(20);
const fields = {
  groups: z.array(z.array(term).min(2).max(20)).max(2000),
  aliases: z.record(term, z.array(term).min(1).max(10)),
  stopwords: z.array(z.string().min(1).max(10)).max(2000),
  userWords: z.array(term).max(20_000),
};

/**
 * What the search knows about words: groups searched as one, a caller's phrase and the official
 * terms it stands for, words a spoken query carries that no entry is about, and the 12345 terms
 * the segmenter must keep whole. Shipped in main/data/kb/lexicon.json, replaced by sync.
 */
export const lexiconSchema = z.object({
  groups: fields.groups,
  aliases: fields.aliases.default({}),
  stopwords: fields.stopwords.default([]),
  userWords: fields.userWords.default([]),
});

export type Lexicon = z.output<typeof lexiconSchema>;

/** What the platform sends (stream kb_synonyms): groups always, the rest when it keeps its own. */
export const lexiconOverrideSchema = z.object({
  groups: fields.groups,
  aliases: fields.aliases.optional(),
  stopwords: fields.stopwords.optional(),
  userWords: fields.userWords.optional(),
});

/** The parts of the lexicon the platform keeps itself; the rest stays as bundled. */
export type LexiconOverride = { readonly [K in keyof Lexicon]?: Lexicon[K] };

export const withOverride = (bundled: Lexicon, override: LexiconOverride | null): Lexicon => ({
  groups: override?.groups ?? bundled.groups,
  aliases: override?.aliases ?? bundled.aliases,
  stopwords: override?.stopwords ?? bundled.stopwords,
  userWords: override?.userWords ?? bundled.userWords,
});
