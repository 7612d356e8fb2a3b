import type { Migration } from './migration';

/**
 * A caller who sent `Privacy: id` asked for the number to be withheld: the call record says so.
 * 通话记录 lists the latest calls: by ring time through an index, not a scan of every call.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'call-privacy',
  up: (db) => {
    db.exec(`
      ALTER TABLE calls ADD COLUMN privacy_requested INTEGER NOT NULL DEFAULT 0 CHECK (privacy_requested IN (0, 1));
      CREATE INDEX calls_by_ring ON calls (ring_at DESC);
    `);
  },
};
