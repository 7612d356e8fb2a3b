import type { Migration } from './migration';

export const migration0003: Migration = {
  version: 3,
  name: 'intake-drafts-and-numbering',
  up: (db) => {
    db.exec(`
      -- Autosaved intake forms; a crash or restart reopens them exactly as they were.
      CREATE TABLE intake_drafts (
        id              TEXT PRIMARY KEY,
        call_ref        TEXT,
        form_json       TEXT NOT NULL CHECK (json_valid(form_json)),
        revision        INTEGER NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        work_order_id   TEXT REFERENCES work_orders(id)
      ) STRICT;
      CREATE INDEX intake_drafts_open ON intake_drafts (updated_at) WHERE work_order_id IS NULL;
      CREATE INDEX intake_drafts_by_call ON intake_drafts (call_ref) WHERE call_ref IS NOT NULL;

      -- Daily sequence of work-order numbers on this PC, by China date.
      CREATE TABLE work_order_sequences (
        china_date TEXT PRIMARY KEY,
        last       INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE recent_categories (
        category_code TEXT PRIMARY KEY,
        used_at       TEXT NOT NULL
      ) STRICT;

      -- Facts about this installation, such as its station number in work-order numbers.
      CREATE TABLE profile_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
