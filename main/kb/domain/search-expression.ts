import { termExpression } from './cjk-tokens';

export type SynonymGroups = readonly (readonly string[])[];

const MAX_QUERY = 64;

/** Splits a query into what to look for and which synonym group each part belongs to. */
const expandTerm = (term: string, groups: SynonymGroups): string | null => {
  // The longest synonym contained in the term wins (住房公积金 before 公积金).
  let best: { member: string; group: readonly string[] } | null = null;
  for (const group of groups) {
    for (const member of group) {
      if (term.includes(member) && (!best || member.length > best.member.length)) best = { member, group };
    }
  }
  if (!best) return termExpression(term);
  const at = term.indexOf(best.member);
  const alternatives = best.group.map(termExpression).filter((expression): expression is string => expression !== null);
  const parts = [
    termExpression(term.slice(0, at)),
    alternatives.length > 1 ? `(${alternatives.join(' OR ')})` : (alternatives[0] ?? null),
    termExpression(term.slice(at + best.member.length)),
  ].filter((part): part is string => part !== null);
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

/** Every string that should be highlighted for this query: the terms and their synonyms. */
export const highlightTerms = (query: string, groups: SynonymGroups): string[] => {
  const terms = query.normalize('NFKC').trim().slice(0, MAX_QUERY).split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (const term of terms) {
    out.add(term);
    for (const group of groups) if (group.some((member) => term.includes(member))) group.forEach((member) => out.add(member));
  }
  return [...out].sort((a, b) => b.length - a.length);
};
