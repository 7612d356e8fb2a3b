import type { Migration } from './migration';

export const migration0004: Migration = {
  version: 4,
  name: 'hotline-encyclopedia',
  up: (db) => {
    db.exec(`
      CREATE TABLE kb_entries (
        rowid       INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        version     INTEGER NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('info', 'qa')),
        title       TEXT NOT NULL,
        body        TEXT NOT NULL,
        department  TEXT,
        region_code TEXT,
        time_limit  TEXT,
        place       TEXT,
        phone       TEXT,
        valid_from  TEXT,
        valid_to    TEXT,
        tags_json   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags_json)),
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX kb_entries_by_department ON kb_entries (department);

      -- Tombstones keep the version of deleted entries, so an older update arriving late cannot revive them.
      CREATE TABLE kb_tombstones (
        id      TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      ) STRICT;

      -- Pre-segmented text (see main/kb/domain/cjk-tokens.ts); contentless: the text lives in kb_entries once.
      CREATE VIRTUAL TABLE kb_fts USING fts5(
        title, body,
        content = '', contentless_delete = 1, prefix = '1',
        tokenize = 'unicode61 remove_diacritics 0'
      );

      CREATE TABLE kb_synonyms (
        term      TEXT PRIMARY KEY,
        group_key TEXT NOT NULL
      ) STRICT;
      CREATE INDEX kb_synonyms_by_group ON kb_synonyms (group_key);

      -- Which entries agents cite, and what they searched for without finding: the knowledge-base team's to-do list.
      CREATE TABLE kb_usage (
        id       TEXT PRIMARY KEY,
        kind     TEXT NOT NULL CHECK (kind IN ('cited', 'no_result')),
        entry_id TEXT,
        query    TEXT,
        at       TEXT NOT NULL,
        actor    TEXT NOT NULL,
        work_order_draft_id TEXT
      ) STRICT;
    `);
  },
};
