import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement-cache';
import { uuidv7 } from '../shared/domain/uuid-v7';

export type OutboxStream = 'work_order' | 'work_order_event' | 'call' | 'caller' | 'agent_state' | 'kb_usage' | 'audit';

export interface OutboxEntry {
  readonly stream: OutboxStream;
  readonly recordId: string;
  readonly op: 'create' | 'update' | 'delete';
  readonly payload: unknown;
  readonly at: string;
}

/**
 * Call only inside the transaction that writes the record itself: the record and its outbox row
 * commit together or not at all, so nothing typed can be saved locally and never reach the platform.
 */
export const enqueueOutbox = (db: Database, entry: OutboxEntry): string => {
  if (!db.inTransaction) throw new Error('enqueueOutbox must run inside the transaction that writes the record');
  const itemId = uuidv7();
  statement(db, 'INSERT INTO outbox (item_id, stream, record_id, op, payload_json, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    itemId,
    entry.stream,
    entry.recordId,
    entry.op,
    JSON.stringify(entry.payload),
    entry.at,
  );
  return itemId;
};

export const outboxRepo = {
  pendingCount: (db: Database): number =>
    db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() as number,
};
