import type { Migration } from './migration';

/**
 * Why each call existed. Every call before this version was a citizen's or a call-back; a training
 * call (模拟来电) is recorded from now on, marked so it never reaches a citizen's history or the
 * platform's figures.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'call-purpose',
  up: (db) => {
    db.exec(`
      ALTER TABLE calls ADD COLUMN purpose TEXT NOT NULL DEFAULT 'citizen'
        CHECK (purpose IN ('citizen', 'outbound', 'consult', 'monitor', 'training'));
      UPDATE calls SET purpose = 'outbound' WHERE direction = 'outbound';
    `);
  },
};
