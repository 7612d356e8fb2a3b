import { OPEN_STATUSES } from '../../workorders/domain/work-order-status';
import type { Migration } from './migration';

const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * The screen-pop reads a caller's last calls and orders from these indexes alone (covering): a
 * caller's rows sit together in an index but are scattered over the tables' pages, and every page
 * read from an encrypted file is decrypted, so reading 2–3 index pages instead of ~40 table pages
 * is what keeps the lookup fast on the encrypted province database. Same names as before: the
 * other queries that used them keep their plans.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'screen-pop-covering-indexes',
  up: (db) => {
    db.exec(`
      DROP INDEX calls_by_caller;
      CREATE INDEX calls_by_caller ON calls
        (caller_id, ring_at DESC, purpose, id, direction, answer_at, end_at, end_cause, agent_id, queue, work_order_id);
      DROP INDEX work_orders_by_caller;
      CREATE INDEX work_orders_by_caller ON work_orders
        (caller_id, created_at DESC, id, number, title, status, request_type, category_code, deadline_at, confidential);
      DROP INDEX work_orders_open_by_caller;
      CREATE INDEX work_orders_open_by_caller ON work_orders
        (caller_id, deadline_at, id, number, title, status, request_type, category_code, created_at, confidential)
        WHERE status IN (${OPEN});
    `);
  },
};
