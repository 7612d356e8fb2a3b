import { termExpression } from './cjk-tokens';

export type SynonymGroups = readonly (readonly string[])[];

const MAX_QUERY = 64;

/** The longest synonym contained in the term (住房公积金 before 公积金), with where it stands. */
const synonymIn = (term: string, groups: SynonymGroups): { at: number; member: string; group: readonly string[] } | null => {
  let best: { at: number; member: string; group: readonly string[] } | null = null;
  for (const group of groups) {
    for (const member of group) {
      const at = term.indexOf(member);
      if (at >= 0 && (!best || member.length > best.member.length)) best = { at, member, group };
    }
  }
  return best;
};

/** A term as the parts that must match: text before a synonym, the synonym's group, text after. */
const termParts = (term: string, groups: SynonymGroups): (string | readonly string[])[] => {
  const found = synonymIn(term, groups);
  if (!found) return [term];
  return [term.slice(0, found.at), found.group, term.slice(found.at + found.member.length)].filter((part) => part.length > 0);
};

const expandTerm = (term: string, groups: SynonymGroups): string | null => {
  const parts = termParts(term, groups)
    .map((part) => {
      if (typeof part === 'string') return termExpression(part);
      const alternatives = part.map(termExpression).filter((expression): expression is string => expression !== null);
      return alternatives.length > 1 ? `(${alternatives.join(' OR ')})` : (alternatives[0] ?? null);
    })
    .filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' AND ') : null;
};

/**
 * The FTS5 MATCH expression for what the agent typed: whitespace-separated terms must all match,
 * each expanded by its synonym group. Null when nothing searchable is left.
 */
export const searchExpression = (query: string, groups: SynonymGroups): string | null => {
  const terms = query.normalize('NFKC').trim().slice(0, MAX_QUERY).split(/\s+/).filter(Boolean);
  const expressions = terms
    .map((term) => expandTerm(term, groups))
    .filter((expression): expression is string => expression !== null);
  return expressions.length > 0 ? expressions.map((expression) => `(${expression})`).join(' AND ') : null;
};
