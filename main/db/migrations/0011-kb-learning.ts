import { indexTokens } from '../../kb/domain/cjk-tokens';
import type { Migration } from './migration';

/**
 * The encyclopedia learns from agents: a query and the entry cited for it become an alias once
 * agents of one region cite it often enough (weight decays with a 30-day half-life), and each
 * citation counts towards the entry's popularity in that region. An editor's removal stays: later
 * citations are still counted but never bring the alias back by themselves.
 *
 * Titles get an index of their own: a word rare in titles but common in bodies (预约) made every
 * title-only match in kb_fts read the word's whole body doclist. Filled here from the entries
 * (about 5 s for 224 k entries on 2 cores, once).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'kb-learning',
  up: (db) => {
    db.exec(`
      CREATE TABLE kb_learned_aliases (
        query_key   TEXT NOT NULL CHECK (length(query_key) BETWEEN 1 AND 200),
        entry_id    TEXT NOT NULL,
        region_code TEXT NOT NULL DEFAULT '',
        weight      REAL NOT NULL,
        citations   INTEGER NOT NULL,
        first_at    TEXT NOT NULL,
        last_at     TEXT NOT NULL,
        removed_at  TEXT,
        removed_by  TEXT,
        PRIMARY KEY (query_key, region_code, entry_id)
      ) STRICT;
      CREATE TABLE kb_citation_counts (
        entry_id    TEXT NOT NULL,
        region_code TEXT NOT NULL DEFAULT '',
        citations   INTEGER NOT NULL,
        PRIMARY KEY (region_code, entry_id)
      ) STRICT;
      -- Synonyms never pulled were the bundled seed: the bundled lexicon now supplies them itself.
      DELETE FROM kb_synonyms WHERE NOT EXISTS (SELECT 1 FROM sync_cursors WHERE stream = 'kb_synonyms');
      CREATE VIRTUAL TABLE kb_title_fts USING fts5(
        title,
        content = '', contentless_delete = 1, prefix = '1',
        tokenize = 'unicode61 remove_diacritics 0'
      );
    `);
    // In pages: better-sqlite3 cannot write while a statement is still reading.
    const insert = db.prepare('INSERT INTO kb_title_fts (rowid, title) VALUES (?, ?)');
    const page = db.prepare('SELECT rowid, title, tags_json FROM kb_entries WHERE rowid > ? ORDER BY rowid LIMIT 5000');
    for (let after = -1; ;) {
      const entries = page.all(after) as { rowid: number; title: string; tags_json: string }[];
      if (entries.length === 0) break;
      for (const entry of entries)
        insert.run(entry.rowid, indexTokens(`${entry.title} ${(JSON.parse(entry.tags_json) as string[]).join(' ')}`));
      after = entries.at(-1)!.rowid;
    }
  },
};
