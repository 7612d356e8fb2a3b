import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/audit-repo';
import { statement } from '../db/statement-cache';
import { citedAgain, decayedWeight, isActiveAlias } from './domain/learned-alias';
import { type LexiconOverride, lexiconOverrideSchema } from './domain/lexicon';
import { recordKbUsage } from './kb-repo';

interface AliasRow {
  readonly query_key: string;
  readonly entry_id: string;
  readonly region_code: string;
  readonly weight: number;
  readonly citations: number;
  readonly last_at: string;
  readonly removed_at: string | null;
}

export interface LearnedAlias {
  readonly queryKey: string;
  readonly entryId: string;
  readonly title: string | null;
  readonly regionCode: string;
  readonly citations: number;
  readonly weight: number;
  readonly active: boolean;
  readonly lastAt: string;
  readonly removedAt: string | null;
}

const LEXICON_KIND = 'kb_lexicon';

export const kbLearningRepo = {
  /** The citation, its usage row for the platform, the alias and the entry's popularity: one transaction. */
  cited: (
    db: Database,
    citation: {
      entryId: string;
      queryKey: string | null;
      regionCode: string | null;
      actor: string;
      draftId: string | null;
      at: string;
    },
  ): void =>
    db.transaction(() => {
      const region = citation.regionCode ?? '';
      recordKbUsage(db, {
        kind: 'cited',
        entryId: citation.entryId,
        query: citation.queryKey,
        actor: citation.actor,
        draftId: citation.draftId,
        at: citation.at,
      });
      statement(
        db,
        `INSERT INTO kb_citation_counts (entry_id, region_code, citations) VALUES (?, ?, 1)
         ON CONFLICT(region_code, entry_id) DO UPDATE SET citations = citations + 1`,
      ).run(citation.entryId, region);
      if (!citation.queryKey) return;
      const now = new Date(citation.at);
      const current = statement(
        db,
        'SELECT weight, last_at FROM kb_learned_aliases WHERE query_key = ? AND region_code = ? AND entry_id = ?',
      ).get(citation.queryKey, region, citation.entryId) as { weight: number; last_at: string } | undefined;
      if (current)
        statement(
          db,
          `UPDATE kb_learned_aliases SET weight = ?, citations = citations + 1, last_at = ?
           WHERE query_key = ? AND region_code = ? AND entry_id = ?`,
        ).run(citedAgain(current.weight, current.last_at, now), citation.at, citation.queryKey, region, citation.entryId);
      else
        statement(
          db,
          `INSERT INTO kb_learned_aliases (query_key, entry_id, region_code, weight, citations, first_at, last_at)
           VALUES (?, ?, ?, 1, 1, ?, ?)`,
        ).run(citation.queryKey, citation.entryId, region, citation.at, citation.at);
    })(),

  /** Entries that are aliases for these words in this region now, most cited first. */
  learnedFor: (db: Database, lookup: { queryKey: string; regionCode: string | null; now: string }): string[] => {
    const now = new Date(lookup.now);
    return (
      statement(db, 'SELECT * FROM kb_learned_aliases WHERE query_key = ? AND region_code = ?').all(
        lookup.queryKey,
        lookup.regionCode ?? '',
      ) as AliasRow[]
    )
      .filter((row) => isActiveAlias({ weight: row.weight, lastAt: row.last_at, removedAt: row.removed_at }, now))
      .sort((a, b) => decayedWeight(b.weight, b.last_at, now) - decayedWeight(a.weight, a.last_at, now))
      .map((row) => row.entry_id);
  },

  /** For editors: what agents taught the search (newest first), and what found nothing this week. */
  learning: (db: Database, window: { since: string; now: string }) => {
    const now = new Date(window.now);
    const aliases: LearnedAlias[] = (
      statement(
        db,
        `SELECT a.*, e.title FROM kb_learned_aliases a LEFT JOIN kb_entries e ON e.id = a.entry_id
         ORDER BY a.last_at DESC LIMIT 200`,
      ).all() as (AliasRow & { title: string | null })[]
    ).map((row) => ({
      queryKey: row.query_key,
      entryId: row.entry_id,
      title: row.title,
      regionCode: row.region_code,
      citations: row.citations,
      weight: decayedWeight(row.weight, row.last_at, now),
      active: isActiveAlias({ weight: row.weight, lastAt: row.last_at, removedAt: row.removed_at }, now),
      lastAt: row.last_at,
      removedAt: row.removed_at,
    }));
    const unanswered = statement(
      db,
      `SELECT query, count(*) AS count, max(at) AS lastAt FROM kb_usage
       WHERE kind = 'no_result' AND at >= ? AND query IS NOT NULL
       GROUP BY query ORDER BY count DESC, lastAt DESC LIMIT 50`,
    ).all(window.since) as { query: string; count: number; lastAt: string }[];
    return { aliases, unanswered };
  },

  /** An editor removes an alias: it stops counting at once, stays removed, and the removal is audited. */
  removeAlias: (
    db: Database,
    removal: { queryKey: string; entryId: string; regionCode: string; actor: string; at: string },
  ): boolean =>
    db.transaction(() => {
      const changed = statement(
        db,
        `UPDATE kb_learned_aliases SET removed_at = ?, removed_by = ?
         WHERE query_key = ? AND region_code = ? AND entry_id = ? AND removed_at IS NULL`,
      ).run(removal.at, removal.actor, removal.queryKey, removal.regionCode, removal.entryId).changes;
      if (changed === 0) return false;
      appendAudit(db, {
        actor: removal.actor,
        action: 'remove_kb_alias',
        screen: 'kb.learning',
        detail: JSON.stringify({ queryKey: removal.queryKey, entryId: removal.entryId, regionCode: removal.regionCode }),
        at: removal.at,
      });
      return true;
    })(),

  /** What the platform's lexicon replaces of the bundled one (null: nothing). */
  lexicon: (db: Database): LexiconOverride | null => {
    const json = statement(db, "SELECT data_json FROM reference_docs WHERE kind = ? AND id = 'current'")
      .pluck()
      .get(LEXICON_KIND) as string | undefined;
    if (json === undefined) return null;
    const parsed = lexiconOverrideSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  },

  replaceLexicon: (db: Database, lexicon: LexiconOverride, version: number, at: string): void => {
    statement(
      db,
      `INSERT INTO reference_docs (kind, id, version, data_json, updated_at) VALUES (?, 'current', ?, ?, ?)
       ON CONFLICT(kind, id) DO UPDATE SET version = excluded.version, data_json = excluded.data_json, updated_at = excluded.updated_at`,
    ).run(LEXICON_KIND, version, JSON.stringify(lexicon), at);
  },
};
