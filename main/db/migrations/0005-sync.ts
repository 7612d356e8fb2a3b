import type { Migration } from './migration';

export const migration0005: Migration = {
  version: 5,
  name: 'sync-cursors-and-reference-documents',
  up: (db) => {
    db.exec(`
      -- Advanced only in the transaction that applied the pulled batch: a crash never skips or repeats one.
      CREATE TABLE sync_cursors (
        stream     TEXT PRIMARY KEY,
        cursor     INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Reference data that arrives by sync and replaces the bundled files (holiday calendars, …).
      CREATE TABLE reference_docs (
        kind       TEXT NOT NULL,
        id         TEXT NOT NULL,
        version    INTEGER NOT NULL,
        data_json  TEXT NOT NULL CHECK (json_valid(data_json)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      ) STRICT;
    `);
  },
};
