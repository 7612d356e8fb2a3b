import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/audit-repo';

export interface WorkOrderDetailRow {
  readonly id: string;
  readonly number: string;
  readonly channel: string;
  readonly caller_id: string | null;
  readonly contact_name: string | null;
  readonly request_type: string;
  readonly category_code: string | null;
  readonly region_code: string | null;
  readonly address: string | null;
  readonly title: string;
  readonly content: string;
  readonly urgency: string;
  readonly handling_mode: string;
  readonly lead_department: string | null;
  readonly co_departments_json: string;
  readonly reply: string | null;
  readonly deadline_at: string | null;
  readonly status: string;
  readonly confidential: number;
  readonly created_at: string;
  readonly created_by: string;
  readonly enterprise_name: string | null;
  readonly credit_code: string | null;
  readonly enterprise_mode: string | null;
}

export interface WorkOrderEventRow {
  readonly id: string;
  readonly kind: string;
  readonly at: string;
  readonly actor: string;
  readonly note: string | null;
}

export const workOrderHistoryRepo = {
  /** The order with its whole status history; opening it is recorded in the audit log. */
  open: (
    db: Database,
    request: { workOrderId: string; actor: string; screen: string; at: string },
  ): { order: WorkOrderDetailRow; events: WorkOrderEventRow[] } | null =>
    db.transaction(() => {
      const order = db
        .prepare(
          `SELECT id, number, channel, caller_id, unseal(contact_name) AS contact_name, request_type, category_code, region_code,
             unseal(address) AS address, unseal(title) AS title, unseal(content) AS content, urgency, handling_mode, lead_department,
             co_departments_json, unseal(reply) AS reply, deadline_at, status, confidential, created_at, created_by,
             enterprise_name, credit_code, enterprise_mode
           FROM work_orders WHERE id = ?`,
        )
        .get(request.workOrderId) as WorkOrderDetailRow | undefined;
      if (!order) return null;
      const events = db
        .prepare(
          'SELECT id, kind, at, actor, unseal(note) AS note FROM work_order_events WHERE work_order_id = ? ORDER BY at, id',
        )
        .all(request.workOrderId) as WorkOrderEventRow[];
      appendAudit(db, {
        actor: request.actor,
        action: 'view_work_order',
        screen: request.screen,
        callerId: order.caller_id,
        workOrderId: order.id,
        at: request.at,
      });
      return { order, events };
    })(),
};
