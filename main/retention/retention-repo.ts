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
  // A call is the platform's once every change of it was acknowledged, as for orders.
  dueCalls: `SELECT id FROM calls INDEXED BY calls_to_purge
             WHERE purged_at IS NULL AND ring_at < @before
               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = calls.id AND (o.state != 'acked' OR o.acked_at >= @before))
             LIMIT @limit`,
  call: `UPDATE calls SET remote_number = NULL, transfer_target = NULL, sip_call_id = NULL, caller_id = NULL, purged_at = @at
         WHERE id = @id`,
  // Callers oldest first from a cursor: the ones still needed (a call or an uncleared order) are
  // passed over once per run, not rescanned for every batch.
  callerPage: `SELECT id, updated_at FROM callers INDEXED BY callers_by_updated
               WHERE updated_at < @before AND (updated_at, id) > (@afterAt, @afterId)
               ORDER BY updated_at, id LIMIT @limit`,
  callerNeeded: `SELECT EXISTS (SELECT 1 FROM calls WHERE caller_id = @id)
                   OR EXISTS (SELECT 1 FROM work_orders WHERE caller_id = @id AND purged_at IS NULL)`,
  unlinkOrders: 'UPDATE work_orders SET caller_id = NULL WHERE caller_id = @id',
  deleteCaller: 'DELETE FROM callers WHERE id = @id',
} as const;

export interface CallerCursor {
  readonly afterAt: string;
  readonly afterId: string;
}

export const CALLERS_FROM_START: CallerCursor = { afterAt: '', afterId: '' };

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

  /** Clears the numbers of up to `limit` due calls and unlinks them from their caller; returns how many. */
  purgeCallsBatch: (db: Database, query: { before: string; at: string; limit: number }): number =>
    db.transaction(() => {
      const ids = statement(db, SQL.dueCalls).pluck().all({ before: query.before, limit: query.limit }) as string[];
      for (const id of ids) {
        statement(db, SQL.call).run({ id, at: query.at });
        statement(db, SQL.outbox).run({ id });
      }
      return ids.length;
    })(),

  /**
   * Removes callers not heard from since `before` that nothing on this PC needs any more (no call
   * left linked, every order cleared), from `cursor` on; returns how many and where to go on
   * (null: the end). Their cleared orders stay, unlinked.
   */
  purgeCallersBatch: (
    db: Database,
    query: { before: string; cursor: CallerCursor; limit: number },
  ): { removed: number; next: CallerCursor | null } =>
    db.transaction(() => {
      const page = statement(db, SQL.callerPage).all({ before: query.before, ...query.cursor, limit: query.limit }) as {
        id: string;
        updated_at: string;
      }[];
      let removed = 0;
      for (const { id } of page) {
        if (statement(db, SQL.callerNeeded).pluck().get({ id }) === 1) continue;
        statement(db, SQL.unlinkOrders).run({ id });
        statement(db, SQL.deleteCaller).run({ id });
        removed += 1;
      }
      const last = page.at(-1);
      return { removed, next: page.length < query.limit || !last ? null : { afterAt: last.updated_at, afterId: last.id } };
    })(),

  /** The WAL still holds the pages as they were before the purge: written back and emptied. */
  checkpoint: (db: Database): void => void db.pragma('wal_checkpoint(TRUNCATE)'),
};
