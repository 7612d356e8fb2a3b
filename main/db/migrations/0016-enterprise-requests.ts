import type { Migration } from './migration';

/**
 * 一企来 (main/enterprise/): an enterprise's request names the enterprise and its unified social
 * credit code, and the handling mode chosen at dispatch, whose clocks the order shows. The index
 * finds an enterprise's earlier requests by its code.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'enterprise-requests',
  up: (db) => {
    db.exec(`
      ALTER TABLE work_orders ADD COLUMN enterprise_name TEXT;
      ALTER TABLE work_orders ADD COLUMN credit_code TEXT;
      ALTER TABLE work_orders ADD COLUMN enterprise_mode TEXT;
      CREATE INDEX work_orders_by_credit_code ON work_orders (credit_code, created_at DESC) WHERE credit_code IS NOT NULL;
    `);
  },
};
