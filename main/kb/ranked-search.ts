import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { type RankCandidate, type ScoredWord, coverageScore, coversAll } from './domain/coverage-score';
import { type RowidRange, searchTiers } from './domain/region-rowids';

export interface RankedWord {
  /** FTS5 expression matching any of the word's alternatives. */
  readonly expression: string;
  readonly texts: readonly string[];
}

export interface RankedQuery {
  readonly words: readonly RankedWord[];
  /** Entries agents of this region cited for this query often enough (learned aliases). */
  readonly learnedIds: readonly string[];
  readonly callerRegion: string | null;
  readonly today: string;
  readonly kind: 'info' | 'qa' | null;
  readonly department: string | null;
  readonly limit: number;
}

/** Enough to tell a rare word from a common one; counting further only costs time. */
const COUNT_CAP = 2000;
const PER_TIER = 60;
const RARE_WORDS = 3;

const all = (expressions: readonly string[]): string => expressions.map((expression) => `(${expression})`).join(' AND ');

/** Titles (with tags) have their own index, so a title match never reads a word's body doclist. */
type Index = 'kb_title_fts' | 'kb_fts';

const titleCount = (db: Database, expression: string): number =>
  statement(db, `SELECT count(*) FROM (SELECT 1 FROM kb_title_fts WHERE kb_title_fts MATCH ? LIMIT ${COUNT_CAP})`)
    .pluck()
    .get(expression) as number;

const matching = (db: Database, query: RankedQuery, index: Index, expression: string, ranges: readonly RowidRange[]): number[] =>
  ranges.flatMap(
    ([lo, hi]) =>
      statement(
        db,
        `SELECT f.rowid FROM ${index} f JOIN kb_entries e ON e.rowid = f.rowid
         WHERE ${index} MATCH @expression AND f.rowid BETWEEN @lo AND @hi
           AND (e.valid_from IS NULL OR e.valid_from <= @today)
           AND (e.valid_to IS NULL OR e.valid_to >= @today)
           AND (@kind IS NULL OR e.kind = @kind)
           AND (@department IS NULL OR e.department = @department)
         LIMIT ${PER_TIER}`,
      )
        .pluck()
        .all({ expression, lo, hi, today: query.today, kind: query.kind, department: query.department }) as number[],
  );

/**
 * A word of three or more characters that no title has (外来人口) stands for what its two-character
 * pieces find (人口 in 流动人口信息查询): found in fewer titles, it counts for less.
 */
const backedOff = <W extends RankedWord & { titleCount: number }>(db: Database, word: W): W => {
  const chars = Array.from(word.texts[0] ?? '');
  if (chars.length < 3 || !chars.every((char) => /[\u3400-\u9fff]/u.test(char))) return word;
  const pieces = chars.slice(0, -1).map((char, at) => char + chars[at + 1]!);
  const expression = pieces.map((piece) => `"${piece}"`).join(' OR ');
  return { ...word, expression, texts: pieces, titleCount: titleCount(db, expression) };
};

interface CandidateRow {
  readonly rowid: number;
  readonly id: string;
  readonly title: string;
  readonly tags_json: string;
  readonly body: string;
  readonly citations: number;
}

/**
 * Entries for a query whose words need not all be in one entry (see coverage-score.ts). The
 * candidates are bounded (at most a few pages, each tier capped), so the cost does not grow with
 * how common a word is. Returns rowids with their tier, best first.
 */
export const rankedSearch = (
  db: Database,
  query: RankedQuery,
): { rowid: number; tier: number; score: number; complete: boolean }[] => {
  const words = query.words
    .map((word, spoken) => {
      const counted = { ...word, spoken, titleCount: titleCount(db, word.expression) };
      return counted.titleCount > 0 ? counted : backedOff(db, counted);
    })
    .sort((a, b) => a.titleCount - b.titleCount);
  const present = words.filter((word) => word.titleCount > 0);
  const tiers = searchTiers(query.callerRegion);
  const tierOf = new Map<number, number>();
  /** Up to `wanted` new candidates, nearest tier first: a farther tier only adds what is missing. */
  const collect = (index: Index, expression: string, wanted: number): void => {
    const enough = tierOf.size + wanted;
    for (const [tier, ranges] of tiers.entries()) {
      if (tierOf.size >= enough) return;
      for (const rowid of matching(db, query, index, expression, ranges)) if (!tierOf.has(rowid)) tierOf.set(rowid, tier);
    }
  };
  // Best first: entries with every word in the title, then with the two rarest, then with each of
  // the three rarest; the body only when titles give too few.
  const page = query.limit;
  const expressions = present.map((word) => word.expression);
  if (expressions.length > 1) collect('kb_title_fts', all(expressions), page);
  const complete = tierOf.size >= page;
  if (!complete && expressions.length > 2) collect('kb_title_fts', all(expressions.slice(0, 2)), page);
  if (!complete || expressions.length === 1)
    for (const expression of expressions.slice(0, RARE_WORDS)) collect('kb_title_fts', expression, page);
  if (tierOf.size < page && words.length > 0) {
    collect('kb_fts', all(words.map((word) => word.expression)), page);
    for (const word of words.slice(0, RARE_WORDS)) collect('kb_fts', word.expression, page);
  }
  const learned = new Set(query.learnedIds);
  for (const id of learned) {
    const rowid = statement(
      db,
      `SELECT rowid FROM kb_entries e WHERE id = @id
         AND (e.valid_from IS NULL OR e.valid_from <= @today) AND (e.valid_to IS NULL OR e.valid_to >= @today)
         AND (@kind IS NULL OR e.kind = @kind) AND (@department IS NULL OR e.department = @department)`,
    )
      .pluck()
      .get({ id, today: query.today, kind: query.kind, department: query.department }) as number | undefined;
    const tier = rowid === undefined ? -1 : tiers.findIndex((ranges) => ranges.some(([lo, hi]) => rowid >= lo && rowid <= hi));
    if (rowid !== undefined && !tierOf.has(rowid)) tierOf.set(rowid, Math.max(0, tier));
  }
  if (tierOf.size === 0) return [];
  const rows = statement(
    db,
    `SELECT e.rowid, e.id, e.title, e.tags_json, substr(e.body, 1, 600) AS body, coalesce(c.citations, 0) AS citations
     FROM kb_entries e LEFT JOIN kb_citation_counts c ON c.entry_id = e.id AND c.region_code = @region
     WHERE e.rowid IN (SELECT value FROM json_each(@rowids))`,
  ).all({ rowids: JSON.stringify([...tierOf.keys()]), region: query.callerRegion ?? '' }) as CandidateRow[];
  // In the caller's order: the score notices a title that keeps it.
  const scored: ScoredWord[] = [...words]
    .sort((a, b) => a.spoken - b.spoken)
    .map((word) => ({
      texts: word.texts.map((text) => text.normalize('NFKC').toLowerCase()),
      titleCount: word.titleCount,
    }));
  return rows
    .map((row) => {
      const candidate: RankCandidate = {
        title: `${row.title} ${(JSON.parse(row.tags_json) as string[]).join(' ')}`,
        body: row.body,
        tier: tierOf.get(row.rowid) ?? 0,
        citations: row.citations,
        learned: learned.has(row.id),
      };
      return {
        rowid: row.rowid,
        tier: candidate.tier,
        score: coverageScore(candidate, scored),
        complete: coversAll(candidate, scored),
      };
    })
    .sort((a, b) => b.score - a.score || a.tier - b.tier || a.rowid - b.rowid)
    .slice(0, query.limit);
};
