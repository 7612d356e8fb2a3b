import type { Migration } from './migration';

export const migration0001: Migration = {
  version: 1,
  name: 'settings-and-secrets',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Only ciphertext from the OS keychain-backed safeStorage ever lands here.
      CREATE TABLE secrets (
        name       TEXT PRIMARY KEY,
        ciphertext BLOB NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
