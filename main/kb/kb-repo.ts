import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { enqueueOutbox } from '../sync/outbox-repo';
import { indexTokens } from './domain/cjk-tokens';
import type { ImportCounts } from './domain/jsonl-import';
import type { KbEntry } from './domain/kb-entry';
import { type RowidRange, rowidRangeOfRegion, searchTiers } from './domain/region-rowids';
import { type RankedQuery, rankedSearch } from './ranked-search';

export interface KbHitRow {
  readonly id: string;
  readonly kind: 'info' | 'qa';
  readonly title: string;
  readonly body: string;
  readonly department: string | null;
  readonly region_code: string | null;
  readonly time_limit: string | null;
  readonly place: string | null;
  readonly phone: string | null;
  readonly sample: number;
  /** Index of the search tier the hit came from (see searchTiers). */
  readonly tier: number;
  readonly score: number;
}

export interface KbSearchQuery {
  readonly expression: string;
  readonly callerRegion: string | null;
  readonly today: string;
  readonly kind: 'info' | 'qa' | null;
  readonly department: string | null;
  readonly limit: number;
}

export type UpsertOutcome = 'inserted' | 'updated' | 'deleted' | 'stale';

/** Title/question weigh ten times the body/answer in bm25. */
const TITLE_WEIGHT = 10;
/** How many candidates one tier may score: bounds the worst case (a one-character query). */
const TITLE_CANDIDATES = 300;
const ALL_CANDIDATES = 1500;
// `sample`: tagged 示例 (the demo's own sample entries), so the UI can say so.
const HIT_COLUMNS =
  "id, kind, title, body, department, region_code, time_limit, place, phone, EXISTS (SELECT 1 FROM json_each(tags_json) WHERE value = '示例') AS sample";

/** Titles alone (their own index, so a title match never reads a word's body doclist), or both. */
const INDEXES = {
  titles: { table: 'kb_title_fts', rank: 'bm25(kb_title_fts)' },
  all: { table: 'kb_fts', rank: `bm25(kb_fts, ${TITLE_WEIGHT}, 1.0)` },
} as const;

const candidates = (
  db: Database,
  query: KbSearchQuery,
  index: keyof typeof INDEXES,
  ranges: readonly RowidRange[],
  cap: number,
): { rowid: number; score: number }[] =>
  ranges.flatMap(
    ([lo, hi]) =>
      statement(
        db,
        `SELECT f.rowid AS rowid, ${INDEXES[index].rank} AS score
         FROM ${INDEXES[index].table} f JOIN kb_entries e ON e.rowid = f.rowid
         WHERE ${INDEXES[index].table} MATCH @expression AND f.rowid BETWEEN @lo AND @hi
           AND (e.valid_from IS NULL OR e.valid_from <= @today)
           AND (e.valid_to IS NULL OR e.valid_to >= @today)
           AND (@kind IS NULL OR e.kind = @kind)
           AND (@department IS NULL OR e.department = @department)
         LIMIT @cap`,
      ).all({
        expression: query.expression,
        lo,
        hi,
        cap,
        today: query.today,
        kind: query.kind,
        department: query.department,
      }) as {
        rowid: number;
        score: number;
      }[],
  );

/** The next free rowid in the entry's region slot (see region-rowids.ts). */
const nextRowidInRegion = (db: Database, regionCode: string | null): number => {
  const [lo, hi] = rowidRangeOfRegion(regionCode);
  const last = statement(db, 'SELECT max(rowid) FROM kb_entries WHERE rowid BETWEEN ? AND ?').pluck().get(lo, hi) as
    number | null;
  const next = last === null ? lo : last + 1;
  if (next > hi) throw new Error(`encyclopedia region ${regionCode} is full (10⁶ entries)`);
  return next;
};

const hitRow = (db: Database, rowid: number): Omit<KbHitRow, 'tier' | 'score'> =>
  statement(db, `SELECT ${HIT_COLUMNS} FROM kb_entries WHERE rowid = ?`).get(rowid) as Omit<KbHitRow, 'tier' | 'score'>;

export interface KbUsage {
  readonly kind: 'cited' | 'no_result';
  readonly entryId: string | null;
  readonly query: string | null;
  readonly actor: string;
  readonly draftId: string | null;
  readonly at: string;
}

/** A citation or a search that found nothing, kept and queued for the platform (inside the caller's transaction). */
export const recordKbUsage = (db: Database, usage: KbUsage): void => {
  const id = uuidv7();
  statement(
    db,
    'INSERT INTO kb_usage (id, kind, entry_id, query, at, actor, work_order_draft_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, usage.kind, usage.entryId, usage.query, usage.at, usage.actor, usage.draftId);
  enqueueOutbox(db, { stream: 'kb_usage', recordId: id, op: 'create', payload: { id, ...usage }, at: usage.at });
};

const removeFromIndex = (db: Database, rowid: number): void => {
  statement(db, 'DELETE FROM kb_fts WHERE rowid = ?').run(rowid);
  statement(db, 'DELETE FROM kb_title_fts WHERE rowid = ?').run(rowid);
};

export const kbRepo = {
  /**
   * Insert, replace or delete by id and version: an entry older than what is stored (or than its
   * tombstone) changes nothing, so updates may arrive in any order.
   */
  upsert: (db: Database, entry: KbEntry, at: string): UpsertOutcome => {
    const current = statement(db, 'SELECT rowid, version FROM kb_entries WHERE id = ?').get(entry.id) as
      { rowid: number; version: number } | undefined;
    const tombstone = statement(db, 'SELECT version FROM kb_tombstones WHERE id = ?').pluck().get(entry.id) as number | undefined;
    if ((current && current.version >= entry.version) || (tombstone !== undefined && tombstone >= entry.version)) return 'stale';
    if (entry.deleted) {
      if (current) {
        removeFromIndex(db, current.rowid);
        statement(db, 'DELETE FROM kb_entries WHERE rowid = ?').run(current.rowid);
      }
      statement(
        db,
        'INSERT INTO kb_tombstones (id, version) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version',
      ).run(entry.id, entry.version);
      return 'deleted';
    }
    const values = [
      entry.version,
      entry.kind,
      entry.title,
      entry.body,
      entry.department,
      entry.regionCode,
      entry.timeLimit,
      entry.place,
      entry.phone,
      entry.validFrom,
      entry.validTo,
      JSON.stringify(entry.tags),
      at,
    ];
    let rowid: number;
    if (current) {
      removeFromIndex(db, current.rowid);
      statement(
        db,
        `UPDATE kb_entries SET version = ?, kind = ?, title = ?, body = ?, department = ?, region_code = ?, time_limit = ?, place = ?,
           phone = ?, valid_from = ?, valid_to = ?, tags_json = ?, updated_at = ? WHERE rowid = ?`,
      ).run(...values, current.rowid);
      rowid = current.rowid;
    } else {
      rowid = nextRowidInRegion(db, entry.regionCode);
      statement(
        db,
        `INSERT INTO kb_entries (version, kind, title, body, department, region_code, time_limit, place, phone, valid_from, valid_to,
           tags_json, updated_at, id, rowid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, entry.id, rowid);
    }
    // Tags are searchable with the title: agents type the words documents are filed under.
    const titleTokens = indexTokens(`${entry.title} ${entry.tags.join(' ')}`);
    statement(db, 'INSERT INTO kb_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, titleTokens, indexTokens(entry.body));
    statement(db, 'INSERT INTO kb_title_fts (rowid, title) VALUES (?, ?)').run(rowid, titleTokens);
    return current ? 'updated' : 'inserted';
  },

  /**
   * Ranked hits, tier by tier (the caller's county, city, province, national, the rest): within a
   * tier bm25 with the title weighted ×10. Each tier scores at most a bounded number of candidates:
   * title matches first; all matches only when titles alone cannot fill the page. So the cost of a
   * query depends on the page size, not on how common its words are.
   */
  search: (db: Database, query: KbSearchQuery): KbHitRow[] => {
    const found: { rowid: number; score: number; tier: number }[] = [];
    searchTiers(query.callerRegion).forEach((ranges, tier) => {
      const needed = query.limit - found.length;
      if (needed <= 0) return;
      const titled = candidates(db, query, 'titles', ranges, TITLE_CANDIDATES);
      const pool = titled.length >= needed ? titled : candidates(db, query, 'all', ranges, ALL_CANDIDATES);
      pool.sort((a, b) => a.score - b.score);
      for (const hit of pool.slice(0, needed)) found.push({ ...hit, tier });
    });
    return found.map(({ rowid, score, tier }) => ({ ...hitRow(db, rowid), tier, score }));
  },

  /** One import or sync batch in one transaction: all of it lands, or none. */
  upsertBatch: (db: Database, entries: readonly KbEntry[], at: string): ImportCounts =>
    db.transaction(() => {
      const counts: ImportCounts = { inserted: 0, updated: 0, deleted: 0, stale: 0 };
      for (const entry of entries) counts[kbRepo.upsert(db, entry, at)] += 1;
      return counts;
    })(),

  entry: (db: Database, id: string) =>
    (statement(
      db,
      'SELECT id, version, kind, title, body, department, region_code, time_limit, place, phone, valid_from, valid_to, tags_json FROM kb_entries WHERE id = ?',
    ).get(id) as Record<string, unknown> | undefined) ?? null,

  synonymGroups: (db: Database): string[][] => {
    const rows = statement(db, 'SELECT term, group_key FROM kb_synonyms ORDER BY group_key, term').all() as {
      term: string;
      group_key: string;
    }[];
    const groups = new Map<string, string[]>();
    for (const row of rows) groups.set(row.group_key, [...(groups.get(row.group_key) ?? []), row.term]);
    return [...groups.values()];
  },

  /** Replaces the synonym table (bundled defaults at first start; the platform's list later). */
  replaceSynonyms: (db: Database, groups: readonly (readonly string[])[]): void =>
    db.transaction(() => {
      statement(db, 'DELETE FROM kb_synonyms').run();
      for (const group of groups) {
        for (const term of group)
          statement(db, 'INSERT OR IGNORE INTO kb_synonyms (term, group_key) VALUES (?, ?)').run(term, group[0]);
      }
    })(),

  /** A search that found nothing, kept locally and queued for the platform in one transaction. */
  recordUsage: (db: Database, usage: KbUsage): void => db.transaction(() => recordKbUsage(db, usage))(),

  /** Ranked hits for words that need not all be in one entry; `complete` when some hit has them all. */
  rankedSearch: (db: Database, query: RankedQuery): { rows: KbHitRow[]; complete: boolean } => {
    const ranked = rankedSearch(db, query);
    return {
      rows: ranked.map(({ rowid, tier, score }) => ({ ...hitRow(db, rowid), tier, score })),
      complete: ranked.some((hit) => hit.complete),
    };
  },

  count: (db: Database): number => statement(db, 'SELECT count(*) FROM kb_entries').pluck().get() as number,

  departments: (db: Database): string[] =>
    statement(db, 'SELECT DISTINCT department FROM kb_entries WHERE department IS NOT NULL ORDER BY department')
      .pluck()
      .all() as string[],
};
