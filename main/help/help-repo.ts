import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { HelpRequest } from '../../preload/contract/help-contract';
import { statement } from '../db/statement-cache';
import { enqueueOutbox } from '../sync/outbox-repo';

interface StoredHelp {
  readonly id: string;
  readonly agent_id: string;
  readonly clear_note: string | null;
  readonly status: HelpRequest['status'];
  readonly raised_at: string;
  readonly acknowledged_at: string | null;
  readonly resolved_at: string | null;
  readonly answered_by: string | null;
  readonly call_id: string | null;
  readonly call_since: string | null;
  readonly call_in_progress: number;
  readonly caller_masked: string | null;
}

const ms = (time: string | null): number | null => (time === null ? null : Date.parse(time));
const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

const toRequest = (row: StoredHelp): HelpRequest => ({
  id: row.id,
  agentId: row.agent_id,
  team: null,
  note: row.clear_note,
  status: row.status,
  raisedAt: Date.parse(row.raised_at),
  acknowledgedAt: ms(row.acknowledged_at),
  resolvedAt: ms(row.resolved_at),
  answeredBy: row.answered_by,
  callId: row.call_id,
  callSince: ms(row.call_since),
  callInProgress: row.call_in_progress === 1,
  callerMasked: row.caller_masked,
});

const SELECT = 'SELECT help_requests.*, unseal(note) AS clear_note FROM help_requests';

export const helpRepo = {
  /** The request and its outbox item in one transaction: raised offline, it reaches the lead when the platform is back. */
  raise: (db: Database, request: HelpRequest): void => {
    db.transaction(() => {
      statement(
        db,
        `INSERT INTO help_requests (id, agent_id, note, status, raised_at, call_id, call_since, call_in_progress, caller_masked)
         VALUES (?, ?, seal(?), 'raised', ?, ?, ?, ?, ?)`,
      ).run(
        request.id,
        request.agentId,
        request.note,
        iso(request.raisedAt),
        request.callId,
        iso(request.callSince),
        request.callInProgress ? 1 : 0,
        request.callerMasked,
      );
      enqueueOutbox(db, {
        stream: 'help_request',
        recordId: request.id,
        op: 'create',
        payload: {
          id: request.id,
          agentId: request.agentId,
          note: request.note,
          raisedAt: iso(request.raisedAt)!,
          callId: request.callId,
          callSince: iso(request.callSince),
          callInProgress: request.callInProgress,
          callerMasked: request.callerMasked,
        },
        at: iso(request.raisedAt)!,
      });
    })();
  },

  byId: (db: Database, id: string): HelpRequest | null => {
    const row = statement(db, `${SELECT} WHERE id = ?`).get(id) as StoredHelp | undefined;
    return row ? toRequest(row) : null;
  },

  latest: (db: Database, since: string): HelpRequest | null => {
    const row = statement(
      db,
      `${SELECT} INDEXED BY help_requests_by_time WHERE raised_at >= ? ORDER BY raised_at DESC LIMIT 1`,
    ).get(since) as StoredHelp | undefined;
    return row ? toRequest(row) : null;
  },

  /** The lead's answer, already judged by advanceHelp (main/help/domain). */
  answered: (db: Database, request: HelpRequest): void => {
    statement(db, 'UPDATE help_requests SET status = ?, acknowledged_at = ?, resolved_at = ?, answered_by = ? WHERE id = ?').run(
      request.status,
      iso(request.acknowledgedAt),
      iso(request.resolvedAt),
      request.answeredBy,
      request.id,
    );
  },
};
