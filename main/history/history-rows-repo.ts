import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';

export interface CallInsert {
  readonly id: string;
  readonly sipCallId: string | null;
  readonly direction: 'inbound' | 'outbound';
  readonly callerId: string | null;
  readonly remoteNumber: string | null;
  readonly localNumber: string | null;
  readonly queue: string | null;
  readonly agentId: string | null;
  readonly ringAt: string;
  readonly answerAt: string | null;
  readonly endAt: string | null;
  readonly endCause: string | null;
  readonly transferTarget: string | null;
  readonly workOrderId: string | null;
}

/** Rows of history as they come from the platform (or the demo generator): no outbox, they are not ours to send. */
export const insertCallRow = (db: Database, call: CallInsert): void => {
  statement(
    db,
    `INSERT INTO calls (id, sip_call_id, direction, caller_id, remote_number, local_number, queue, agent_id, ring_at, answer_at,
       end_at, end_cause, transfer_target, work_order_id, created_at, updated_at)
     VALUES (@id, @sipCallId, @direction, @callerId, seal(@remoteNumber), @localNumber, @queue, @agentId, @ringAt, @answerAt,
       @endAt, @endCause, @transferTarget, @workOrderId, @ringAt, @ringAt)`,
  ).run(call);
};
