import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/audit-repo';
import { statement } from '../db/statement-cache';
import { enqueueOutbox } from '../sync/outbox-repo';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { OPEN_STATUSES } from '../workorders/domain/work-order-status';
import { insertWorkOrderEvent } from '../workorders/work-order-repo';

/**
 * A second 催办 of one order within a minute (a double press, two consoles on one call) records
 * nothing more; once per call is the panel's rule, a citizen calling again later chases again.
 */
const URGE_REPEAT_WINDOW_MS = 60 * 1000;
const URGE_NOTE = '来电人来电催办';

export type UrgeOutcome =
  | { readonly kind: 'recorded' | 'already-recorded'; readonly count: number; readonly at: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'closed'; readonly status: string };

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
  readonly department: string | null;
  readonly due_at: string | null;
  readonly outcome: string | null;
}

export const EVENT_COLUMNS = 'id, kind, at, actor, unseal(note) AS note, department, due_at, outcome';

export type VisitOutcome =
  | { readonly kind: 'recorded'; readonly at: string; readonly status: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-resolved'; readonly status: string };

export const workOrderHistoryRepo = {
  /**
   * A citizen chasing an open order: the 催办 event and its outbox row in one transaction (the
   * platform's clock for the department starts from it). Pressed again within the same call, it
   * returns the count without a second event.
   */
  urge: (db: Database, request: { workOrderId: string; actor: string; at: string }): UrgeOutcome =>
    db.transaction((): UrgeOutcome => {
      const order = statement(db, 'SELECT status, lead_department, deadline_at FROM work_orders WHERE id = ?').get(
        request.workOrderId,
      ) as { status: string; lead_department: string | null; deadline_at: string | null } | undefined;
      if (!order) return { kind: 'not-found' };
      if (!(OPEN_STATUSES as readonly string[]).includes(order.status)) return { kind: 'closed', status: order.status };
      const count = (): number =>
        statement(
          db,
          "SELECT count(*) FROM work_order_events INDEXED BY work_order_events_urged WHERE work_order_id = ? AND kind = 'urged'",
        )
          .pluck()
          .get(request.workOrderId) as number;
      const last = statement(
        db,
        "SELECT max(at) FROM work_order_events INDEXED BY work_order_events_urged WHERE work_order_id = ? AND kind = 'urged'",
      )
        .pluck()
        .get(request.workOrderId) as string | null;
      if (last !== null && Date.parse(request.at) - Date.parse(last) < URGE_REPEAT_WINDOW_MS) {
        return { kind: 'already-recorded', count: count(), at: last };
      }
      const id = uuidv7();
      const event = {
        id,
        workOrderId: request.workOrderId,
        kind: 'urged' as const,
        at: request.at,
        actor: request.actor,
        note: URGE_NOTE,
        // The department chased and the clock it is on at this moment: what the step shows later.
        department: order.lead_department,
        dueAt: order.deadline_at,
      };
      insertWorkOrderEvent(db, event);
      enqueueOutbox(db, { stream: 'work_order_event', recordId: id, op: 'create', payload: event, at: request.at });
      return { kind: 'recorded', count: count(), at: request.at };
    })(),

  /**
   * After a 回访 call: the citizen's satisfaction with a resolved order, as a 回访 step with its
   * outbox row, and the order 已回访 locally (the platform confirms it with its next pull).
   */
  recordVisit: (
    db: Database,
    request: { workOrderId: string; satisfaction: string; note: string | null; actor: string; at: string },
  ): VisitOutcome =>
    db.transaction((): VisitOutcome => {
      const order = statement(db, 'SELECT status FROM work_orders WHERE id = ?').get(request.workOrderId) as
        { status: string } | undefined;
      if (!order) return { kind: 'not-found' };
      if (order.status !== 'resolved') return { kind: 'not-resolved', status: order.status };
      const id = uuidv7();
      const event = {
        id,
        workOrderId: request.workOrderId,
        kind: 'visited' as const,
        at: request.at,
        actor: request.actor,
        // The satisfaction travels as the outcome; the note is only what the agent added.
        note: request.note,
        department: null,
        dueAt: null,
        outcome: request.satisfaction as 'satisfied' | 'basically_satisfied' | 'dissatisfied',
      };
      insertWorkOrderEvent(db, event);
      statement(db, "UPDATE work_orders SET status = 'visited', updated_at = ? WHERE id = ?").run(
        request.at,
        request.workOrderId,
      );
      enqueueOutbox(db, { stream: 'work_order_event', recordId: id, op: 'create', payload: event, at: request.at });
      return { kind: 'recorded', at: request.at, status: 'visited' };
    })(),

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
        .prepare(`SELECT ${EVENT_COLUMNS} FROM work_order_events WHERE work_order_id = ? ORDER BY at, id`)
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
