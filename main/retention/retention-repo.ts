import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { CLOSED_STATUSES } from '../workorders/domain/work-order-status';

const CLOSED = CLOSED_STATUSES.map((status) => `'${status}'`).join(', ');
export const PURGED_TITLE = '（个人信息已按保留期限清除）';

const SQL = {
  // Never before the platform has it: an order with any change not acknowledged (pending, refused)
  // or acknowledged too recently stays whole.
  due: `SELECT id FROM work_orders INDEXED BY work_orders_to_purge
        WHERE purged_at IS NULL AND status IN (${CLOSED}) AND updated_at < @before
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = work_orders.id AND (o.state != 'acked' OR o.acked_at >= @before))
        LIMIT @limit`,
  order: `UPDATE work_orders SET contact_name = NULL, contact_number = NULL, address = '', title = '${PURGED_TITLE}',
            content = '', reply = NULL, purged_at = @at WHERE id = @id`,
  events: 'UPDATE work_order_events SET note = NULL WHERE work_order_id = @id',
  outbox: "UPDATE outbox SET payload_json = '{}' WHERE record_id = @id AND state = 'acked'",
  drafts: "UPDATE intake_drafts SET form_json = '{}' WHERE work_order_id = @id",
} as const;

export const retentionRepo = {
  /**
   * Clears the personal data of up to `limit` due orders in one transaction (callers of the next
   * batch get the writer in between) and returns how many. `secure_delete` (open-database.ts)
   * overwrites the old cells instead of leaving them in free pages.
   */
  purgeBatch: (db: Database, query: { before: string; at: string; limit: number }): number =>
    db.transaction(() => {
      const ids = statement(db, SQL.due).pluck().all({ before: query.before, limit: query.limit }) as string[];
      for (const id of ids) {
        statement(db, SQL.order).run({ id, at: query.at });
        statement(db, SQL.events).run({ id });
        statement(db, SQL.outbox).run({ id });
        statement(db, SQL.drafts).run({ id });
      }
      return ids.length;
    })(),

  /** The WAL still holds the pages as they were before the purge: written back and emptied. */
  checkpoint: (db: Database): void => void db.pragma('wal_checkpoint(TRUNCATE)'),
};
