import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { enqueueOutbox } from '../sync/outbox-repo';
import { stationRepo } from '../workorders/station-repo';
import type { AuditAction } from './domain/audit-actions';
import { type ChainProblem, type ChainedAuditEntry, GENESIS, auditHash, verifyLocalChain } from './domain/audit-chain';

export type { AuditAction } from './domain/audit-actions';

export interface AuditEntry {
  readonly actor: string;
  readonly action: AuditAction;
  readonly screen: string;
  readonly callerId?: string | null;
  readonly workOrderId?: string | null;
  readonly detail?: string | null;
  readonly at: string;
}

/**
 * Appends to the audit log, chained to the entry before (see domain/audit-chain.ts), and queues it
 * for the platform, in one transaction.
 */
export const appendAudit = (db: Database, entry: AuditEntry): string =>
  db.transaction(() => {
    const id = uuidv7();
    const prevHash =
      (statement(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string | null) ?? GENESIS;
    const fields = {
      id,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      screen: entry.screen,
      callerId: entry.callerId ?? null,
      workOrderId: entry.workOrderId ?? null,
      detail: entry.detail ?? null,
      consoleId: stationRepo.consoleId(db),
    };
    const hash = auditHash(prevHash, fields);
    statement(
      db,
      `INSERT INTO audit_log (id, at, actor, action, caller_id, work_order_id, screen, detail, console_id, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      fields.at,
      fields.actor,
      fields.action,
      fields.callerId,
      fields.workOrderId,
      fields.screen,
      fields.detail,
      fields.consoleId,
      prevHash,
      hash,
    );
    enqueueOutbox(db, { stream: 'audit', recordId: id, op: 'create', payload: { ...fields, prevHash, hash }, at: entry.at });
    return id;
  })();

/** An audit_log row as SQLite gives it (the chain columns are null on rows older than 0012). */
export interface AuditRow {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly screen: string;
  readonly caller_id: string | null;
  readonly work_order_id: string | null;
  readonly detail: string | null;
  readonly console_id: string | null;
  readonly prev_hash: string | null;
  readonly hash: string | null;
}

/** What the hash covers, from a row; `consoleId` for rows written before the chain existed. */
export const chainedFields = (row: AuditRow, consoleId = row.console_id ?? '') => ({
  id: row.id,
  at: row.at,
  actor: row.actor,
  action: row.action,
  screen: row.screen,
  callerId: row.caller_id,
  workOrderId: row.work_order_id,
  detail: row.detail,
  consoleId,
});

/** The whole log checked in the order it was written: how many entries, and every broken one. */
export const verifyAuditLog = (db: Database): { entries: number; problems: ChainProblem[] } => {
  const rows = statement(db, 'SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  const entries: ChainedAuditEntry[] = rows.map((row) => ({
    ...chainedFields(row),
    prevHash: row.prev_hash ?? '',
    hash: row.hash ?? '',
  }));
  return { entries: entries.length, problems: verifyLocalChain(entries) };
};
