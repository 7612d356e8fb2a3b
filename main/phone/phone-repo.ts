import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CallPurpose } from '../../preload/contract';
import { statement } from '../db/statement-cache';
import type { CallInsert } from '../history/history-rows-repo';
import { callerIdByKey } from '../callers/callers-repo';
import { enqueueOutbox } from '../sync/outbox-repo';

/** A call this console handled: the history row's columns, with the caller found by number here. */
export type CallRow = Omit<CallInsert, 'callerId' | 'queue' | 'workOrderId'> & {
  readonly callerKey: string | null;
  /** The caller sent Privacy: id; once set it stays set. */
  readonly privacyRequested: boolean;
  readonly purpose: CallPurpose;
  readonly trainingScenarioId: string | null;
  /** The MOS at the call's last change into or out of poor quality (null: never reported). */
  readonly mos: number | null;
};

/** Training calls stay on this PC: the platform's figures and a citizen's history are real calls only. */
const reachesPlatform = (purpose: CallPurpose): boolean => purpose !== 'training' && purpose !== 'monitor';

interface StoredCall {
  readonly id: string;
  readonly sip_call_id: string | null;
  readonly direction: 'inbound' | 'outbound';
  /** remote_number as read back: clear even when the column holds it sealed (main/fields/). */
  readonly clear_number: string | null;
  readonly ring_at: string;
  readonly answer_at: string | null;
  readonly end_at: string | null;
  readonly end_cause: string | null;
  readonly transfer_target: string | null;
  readonly privacy_requested: number;
  readonly purpose: CallPurpose;
  readonly mos: number | null;
}

const toView = (row: StoredCall) => ({
  id: row.id,
  sipCallId: row.sip_call_id,
  direction: row.direction,
  remoteNumber: row.clear_number,
  ringAt: row.ring_at,
  answerAt: row.answer_at,
  endAt: row.end_at,
  endCause: row.end_cause,
  transferTarget: row.transfer_target,
  privacyRequested: row.privacy_requested === 1,
  purpose: row.purpose,
  mos: row.mos,
});

export const phoneRepo = {
  /**
   * An upsert that never goes backwards: times once set stay set (a late ring update after the
   * end was written cannot reopen the call), and each write is one outbox item for the platform.
   */
  recordCall: (db: Database, call: CallRow, at: string): void => {
    db.transaction(() => {
      const callerId = callerIdByKey(db, call.callerKey);
      const existed = statement(db, 'SELECT 1 FROM calls WHERE id = ?').pluck().get(call.id) !== undefined;
      statement(
        db,
        `INSERT INTO calls (id, sip_call_id, direction, caller_id, remote_number, local_number, agent_id, ring_at,
                            answer_at, end_at, end_cause, transfer_target, privacy_requested, purpose, training_scenario_id,
                            mos, created_at, updated_at)
         VALUES (@id, @sipCallId, @direction, @callerId, seal(@remoteNumber), @localNumber, @agentId, @ringAt,
                 @answerAt, @endAt, @endCause, @transferTarget, @privacy, @purpose, @trainingScenarioId, @mos, @at, @at)
         ON CONFLICT(id) DO UPDATE SET
           sip_call_id = coalesce(calls.sip_call_id, excluded.sip_call_id),
           caller_id = coalesce(calls.caller_id, excluded.caller_id),
           remote_number = coalesce(calls.remote_number, excluded.remote_number),
           answer_at = coalesce(calls.answer_at, excluded.answer_at),
           end_at = coalesce(calls.end_at, excluded.end_at),
           end_cause = coalesce(calls.end_cause, excluded.end_cause),
           transfer_target = coalesce(calls.transfer_target, excluded.transfer_target),
           training_scenario_id = coalesce(calls.training_scenario_id, excluded.training_scenario_id),
           privacy_requested = max(calls.privacy_requested, excluded.privacy_requested),
           mos = coalesce(excluded.mos, calls.mos),
           updated_at = excluded.updated_at
         -- A late update of a call whose number retention cleared must not write the number back.
         WHERE calls.purged_at IS NULL`,
      ).run({ ...call, callerId, privacy: call.privacyRequested ? 1 : 0, at });
      const stored = statement(db, 'SELECT *, unseal(remote_number) AS clear_number FROM calls WHERE id = ?').get(
        call.id,
      ) as StoredCall;
      if (!reachesPlatform(stored.purpose)) return;
      enqueueOutbox(db, {
        stream: 'call',
        recordId: call.id,
        op: existed ? 'update' : 'create',
        payload: { ...toView(stored), callerId, agentId: call.agentId, localNumber: call.localNumber },
        at,
      });
    })();
  },

  /** The latest calls, with whether the number must be masked (a confidential caller, or one who withheld it). */
  recentCalls: (db: Database, limit: number) =>
    (
      statement(
        db,
        `SELECT calls.*, unseal(calls.remote_number) AS clear_number, coalesce(callers.confidential, 0) AS caller_confidential
         FROM calls INDEXED BY calls_by_ring LEFT JOIN callers ON callers.id = calls.caller_id
         ORDER BY calls.ring_at DESC LIMIT ?`,
      ).all(limit) as (StoredCall & { caller_confidential: number })[]
    ).map((row) => ({ ...toView(row), confidential: row.caller_confidential === 1 || row.privacy_requested === 1 })),

  recordAgentState: (
    db: Database,
    change: {
      id: string;
      agentId: string;
      state: string;
      reason: string | null;
      phoneRegistered: boolean;
      at: string;
      extension: string | null;
    },
  ): void => {
    db.transaction(() => {
      const { extension: _sent, ...stored } = change;
      statement(
        db,
        `INSERT INTO agent_states (id, agent_id, state, reason, phone_registered, at)
         VALUES (@id, @agentId, @state, @reason, @phoneRegistered, @at)`,
      ).run({ ...stored, phoneRegistered: change.phoneRegistered ? 1 : 0 });
      enqueueOutbox(db, { stream: 'agent_state', recordId: change.id, op: 'create', payload: { ...change }, at: change.at });
    })();
  },
};
