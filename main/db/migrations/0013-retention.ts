import type { Migration } from './migration';

/**
 * Retention (main/retention/): a closed order whose personal data was cleared keeps the time it was
 * cleared; the partial index finds the ones still to clear without reading the whole table.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'retention',
  up: (db) => {
    db.exec(`
      ALTER TABLE work_orders ADD COLUMN purged_at TEXT;
      CREATE INDEX work_orders_to_purge ON work_orders (updated_at)
        WHERE purged_at IS NULL AND status IN ('resolved', 'visited', 'archived');
    `);
  },
};
