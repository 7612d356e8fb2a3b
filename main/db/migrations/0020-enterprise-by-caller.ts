import type { Migration } from './migration';

/**
 * The enterprise's history on the screen-pop (一企来): which enterprises a caller spoke for, found
 * in this small partial index (most callers have none, so the probe reads one page), then the
 * enterprise's orders, whoever called, by work_orders_by_credit_code (migration 0016).
 */
export const migration0020: Migration = {
  version: 20,
  name: 'enterprise-by-caller',
  up: (db) => {
    db.exec(`
      CREATE INDEX work_orders_enterprise_by_caller ON work_orders (caller_id, credit_code, enterprise_name)
        WHERE credit_code IS NOT NULL;
    `);
  },
};
