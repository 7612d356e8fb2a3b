import type { Migration } from './migration';

/**
 * Retention of calls and callers (main/retention/): a call whose number was cleared keeps when;
 * the partial index finds calls still to clear, the other walks callers oldest first.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'retention-calls',
  up: (db) => {
    db.exec(`
      ALTER TABLE calls ADD COLUMN purged_at TEXT;
      CREATE INDEX calls_to_purge ON calls (ring_at) WHERE purged_at IS NULL;
      CREATE INDEX callers_by_updated ON callers (updated_at, id);
    `);
  },
};
