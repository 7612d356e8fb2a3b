import type { Migration } from './migration';

/**
 * The order's whole life on screen (main/history/domain/lifecycle.ts): which department acted at a
 * step, the due time the platform set with it (an approved postponement's new deadline), and its
 * outcome (延期 asked / approved / refused, 回访 satisfaction). None of them is personal data, so
 * they stay clear with SM4 on. Added columns: an older console's events read as steps without them.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'lifecycle-steps',
  up: (db) => {
    db.exec(`
      ALTER TABLE work_order_events ADD COLUMN department TEXT;
      ALTER TABLE work_order_events ADD COLUMN due_at TEXT;
      ALTER TABLE work_order_events ADD COLUMN outcome TEXT;
    `);
  },
};
