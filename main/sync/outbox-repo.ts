import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { markOutboxWritten } from './outbox-signal';
import { nextPushBatch } from './domain/push-plan';
import type { PushStream } from './protocol/sync-protocol';
import type { PushPayload } from './protocol/stream-records';

export type OutboxStream = PushStream;

/** One queued change; its payload is typed by its stream's record schema, the one the platform checks. */
export type OutboxEntry = {
  readonly [S in OutboxStream]: {
    readonly stream: S;
    readonly recordId: string;
    readonly op: 'create' | 'update' | 'delete';
    readonly payload: PushPayload<S>;
    readonly at: string;
  };
}[OutboxStream];

/**
 * Call only inside the transaction that writes the record itself: the record and its outbox row
 * commit together or not at all, so nothing typed can be saved locally and never reach the platform.
 */
export const enqueueOutbox = (db: Database, entry: OutboxEntry): string => {
  if (!db.inTransaction) throw new Error('enqueueOutbox must run inside the transaction that writes the record');
  const itemId = uuidv7();
  markOutboxWritten();
  statement(
    db,
    'INSERT INTO outbox (item_id, stream, record_id, op, payload_json, created_at) VALUES (?, ?, ?, ?, seal_json(?), ?)',
  ).run(itemId, entry.stream, entry.recordId, entry.op, JSON.stringify(entry.payload), entry.at);
  return itemId;
};

export interface OutboxRow {
  readonly seq: number;
  readonly itemId: string;
  readonly stream: string;
  readonly recordId: string;
  readonly op: 'create' | 'update' | 'delete';
  readonly payloadJson: string;
  readonly createdAt: string;
  readonly state: 'pending' | 'acked' | 'quarantined';
}

export interface OutboxStats {
  readonly pending: number;
  readonly oldestPendingAt: string | null;
  readonly quarantined: number;
}

export const outboxRepo = {
  pendingCount: (db: Database): number =>
    statement(db, "SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() as number,

  /** Items not yet acknowledged, in order; quarantined ones come along so their records stay blocked. */
  unacknowledged: (db: Database, limit: number): OutboxRow[] =>
    statement(
      db,
      `SELECT seq, item_id AS itemId, stream, record_id AS recordId, op, unseal(payload_json) AS payloadJson, created_at AS createdAt, state
       FROM outbox INDEXED BY outbox_by_state WHERE state IN ('pending', 'quarantined') ORDER BY seq LIMIT ?`,
    ).all(limit) as OutboxRow[],

  /**
   * The next batch to push, found past any number of quarantined or held-back items at the head
   * (a window taken from the head alone stalled every new order behind 2,000 refused ones).
   */
  pushBatch: (db: Database, request: { maxItems: number; maxBytes: number }): OutboxRow[] =>
    db.transaction(() => {
      const blocked = new Set(
        statement(db, "SELECT DISTINCT record_id FROM outbox INDEXED BY outbox_by_state WHERE state = 'quarantined'")
          .pluck()
          .all() as string[],
      );
      const window = statement(
        db,
        `SELECT seq, item_id AS itemId, stream, record_id AS recordId, op, unseal(payload_json) AS payloadJson, created_at AS createdAt, state
         FROM outbox INDEXED BY outbox_by_state WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?`,
      );
      const batch: OutboxRow[] = [];
      let bytes = 0;
      for (let after = 0; ;) {
        const rows = window.all(after, request.maxItems * 4) as OutboxRow[];
        if (rows.length === 0) break;
        const taken = nextPushBatch(rows, request.maxItems - batch.length, {
          blocked,
          maxBytes: request.maxBytes - bytes,
          continuing: batch.length > 0,
        });
        batch.push(...taken.items);
        bytes += taken.bytes;
        if (taken.full) break;
        after = rows.at(-1)!.seq;
      }
      return batch;
    })(),

  stats: (db: Database): OutboxStats => {
    const pending = statement(
      db,
      "SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE state = 'pending'",
    ).get() as {
      n: number;
      oldest: string | null;
    };
    const quarantined = statement(db, "SELECT count(*) FROM outbox WHERE state = 'quarantined'").pluck().get() as number;
    return { pending: pending.n, oldestPendingAt: pending.oldest, quarantined };
  },

  quarantined: (db: Database, limit: number) =>
    statement(
      db,
      `SELECT item_id AS itemId, stream, record_id AS recordId, created_at AS createdAt, last_error AS error, attempts
       FROM outbox WHERE state = 'quarantined' ORDER BY seq LIMIT ?`,
    ).all(limit) as {
      itemId: string;
      stream: string;
      recordId: string;
      createdAt: string;
      error: string | null;
      attempts: number;
    }[],

  /**
   * The platform's per-item answers: acknowledged items are done; rejected or conflicting ones are
   * quarantined with the reason. Items the platform did not answer stay pending.
   */
  settle: (db: Database, results: readonly { itemId: string; status: string; error?: string | undefined }[], at: string): void =>
    db.transaction(() => {
      for (const result of results) {
        if (result.status === 'applied' || result.status === 'duplicate') {
          statement(
            db,
            "UPDATE outbox SET state = 'acked', acked_at = ?, attempts = attempts + 1, last_error = NULL WHERE item_id = ? AND state = 'pending'",
          ).run(at, result.itemId);
        } else {
          statement(
            db,
            "UPDATE outbox SET state = 'quarantined', attempts = attempts + 1, last_error = ? WHERE item_id = ? AND state = 'pending'",
          ).run(`${result.status}: ${result.error ?? ''}`.slice(0, 2000), result.itemId);
        }
      }
    })(),

  /** An agent's decision after fixing the cause: send a quarantined item again. */
  release: (db: Database, itemId: string): boolean =>
    statement(db, "UPDATE outbox SET state = 'pending', last_error = NULL WHERE item_id = ? AND state = 'quarantined'").run(
      itemId,
    ).changes > 0,
};
