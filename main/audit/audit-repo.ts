import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement-cache';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { enqueueOutbox } from '../sync/outbox-repo';

export type AuditAction = 'view_caller' | 'reveal_number' | 'view_work_order' | 'remove_kb_alias';

export interface AuditEntry {
  readonly actor: string;
  readonly action: AuditAction;
  readonly screen: string;
  readonly callerId?: string | null;
  readonly workOrderId?: string | null;
  readonly detail?: string | null;
  readonly at: string;
}

/** Appends to the audit log and queues it for the platform, in one transaction. */
export const appendAudit = (db: Database, entry: AuditEntry): string =>
  db.transaction(() => {
    const id = uuidv7();
    statement(
      db,
      'INSERT INTO audit_log (id, at, actor, action, caller_id, work_order_id, screen, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      id,
      entry.at,
      entry.actor,
      entry.action,
      entry.callerId ?? null,
      entry.workOrderId ?? null,
      entry.screen,
      entry.detail ?? null,
    );
    enqueueOutbox(db, { stream: 'audit', recordId: id, op: 'create', payload: { id, ...entry }, at: entry.at });
    return id;
  })();
