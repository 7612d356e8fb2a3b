import type { Migration } from './migration';

/**
 * 催办 recorded from the caller panel (main/history/work-order-history-repo.ts): the panel shows how
 * often a citizen chased each open order; this small partial index counts them without reading
 * the events table (the screen-pop reads indexes only).
 */
export const migration0018: Migration = {
  version: 18,
  name: 'urged-orders',
  up: (db) => {
    db.exec(`CREATE INDEX work_order_events_urged ON work_order_events (work_order_id, at) WHERE kind = 'urged';`);
  },
};
