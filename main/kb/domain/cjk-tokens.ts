/**
 * Chinese has no spaces, and SQLite's tokenizers either split per character (unicode61 keeps a CJK
 * run as one token) or need three characters (trigram). We segment ourselves before FTS5 sees the
 * text: every CJK run becomes its overlapping bigrams plus its last character alone, Latin letters
 * and digits stay words. Then
 *   - a 2-character query is one exact token (社保),
 *   - a longer one is a phrase of its bigrams (公积金 → "公积 积金"),
 *   - a 1-character query is a prefix query on the 1-character prefix index (房*), which finds every
 *     bigram starting with it, and the final unigram covers the character at the end of a run.
 */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const SEGMENT = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu;

const cjkTokens = (run: string): string[] => {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let index = 0; index < chars.length - 1; index += 1) out.push(chars[index]! + chars[index + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
};

/** The text FTS5 indexes (its unicode61 tokenizer then splits on the spaces we put in). */
export const indexTokens = (text: string): string => {
  const out: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(SEGMENT)) {
    const segment = match[0];
    if (CJK.test(segment)) out.push(...cjkTokens(segment));
    else out.push(segment);
  }
  return out.join(' ');
};

/** Double quotes make any token a literal string for FTS5: nothing the agent types is query syntax. */
const literal = (token: string): string => `"${token.replace(/"/g, '""')}"`;

/** One query term as an FTS5 expression: token, bigram phrase, or 1-character prefix. */
export const termExpression = (term: string): string | null => {
  const parts: string[] = [];
  for (const match of term.normalize('NFKC').toLowerCase().matchAll(SEGMENT)) {
    const segment = match[0];
    if (!CJK.test(segment)) {
      parts.push(`${literal(segment)}*`);
      continue;
    }
    const chars = Array.from(segment);
    if (chars.length === 1) parts.push(`${literal(chars[0]!)}*`);
    else {
      const bigrams = chars.slice(0, -1).map((char, index) => char + chars[index + 1]!);
      parts.push(bigrams.length === 1 ? literal(bigrams[0]!) : `(${bigrams.map(literal).join(' + ')})`);
    }
  }
  return parts.length === 0 ? null : parts.join(' AND ');
};
