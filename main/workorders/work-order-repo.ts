import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { enqueueOutbox } from '../sync/outbox-repo';
import type { WorkOrderRecord } from '../sync/protocol/stream-records';

/** A work order as the platform receives it (one shape for the form's result, the row and the sync). */
export type NewWorkOrder = Omit<WorkOrderRecord, 'id'> & { readonly id?: string };

const INSERT_ORDER = `INSERT INTO work_orders (id, number, channel, caller_id, contact_name, contact_number, request_type,
  category_code, region_code, address, title, content, urgency, handling_mode, lead_department, co_departments_json, reply,
  deadline_at, status, duplicate_of, confidential, created_at, updated_at, created_by, enterprise_name, credit_code, enterprise_mode)
  VALUES (@id, @number, @channel, @callerId, seal(@contactName), seal(@contactNumber), @requestType, @categoryCode, @regionCode,
  seal(@address), seal(@title), seal(@content), @urgency, @handlingMode, @leadDepartment, @coDepartments, seal(@reply), @deadlineAt,
  @status, @duplicateOf,
  @confidential, @createdAt, @createdAt, @createdBy, @enterpriseName, @creditCode, @enterpriseMode)`;

const orderRow = (order: NewWorkOrder & { id: string }) => ({
  ...order,
  coDepartments: JSON.stringify(order.coDepartments),
  confidential: order.confidential ? 1 : 0,
  enterpriseName: order.enterprise?.name ?? null,
  creditCode: order.enterprise?.creditCode ?? null,
  enterpriseMode: order.enterprise?.mode ?? null,
});

/** Inserts an order without outbox (history that came from the platform, demo data). */
export const insertWorkOrderRow = (db: Database, order: NewWorkOrder & { id: string }): void => {
  statement(db, INSERT_ORDER).run(orderRow(order));
};

export interface NewWorkOrderEvent {
  readonly id?: string;
  readonly workOrderId: string;
  readonly kind: string;
  readonly at: string;
  readonly actor: string;
  readonly note: string | null;
  readonly department?: string | null;
  readonly dueAt?: string | null;
  readonly outcome?: string | null;
}

/** A step of the order's life; a pulled one seen before (same id) is left as it is. */
export const insertWorkOrderEvent = (db: Database, event: NewWorkOrderEvent, options: { ifNew?: boolean } = {}): string => {
  const id = event.id ?? uuidv7();
  statement(
    db,
    `INSERT ${options.ifNew ? 'OR IGNORE ' : ''}INTO work_order_events (id, work_order_id, kind, at, actor, note, department, due_at, outcome)
     VALUES (?, ?, ?, ?, ?, seal(?), ?, ?, ?)`,
  ).run(
    id,
    event.workOrderId,
    event.kind,
    event.at,
    event.actor,
    event.note,
    event.department ?? null,
    event.dueAt ?? null,
    event.outcome ?? null,
  );
  return id;
};

export const workOrderRepo = {
  /**
   * A new order made on this console: the order, its 受理 event and its outbox row in one
   * transaction. Returns the id only after the commit.
   */
  create: (db: Database, order: NewWorkOrder): string =>
    db.transaction(() => {
      const id = order.id ?? uuidv7();
      insertWorkOrderRow(db, { ...order, id });
      insertWorkOrderEvent(db, { workOrderId: id, kind: 'registered', at: order.createdAt, actor: order.createdBy, note: null });
      enqueueOutbox(db, { stream: 'work_order', recordId: id, op: 'create', payload: { ...order, id }, at: order.createdAt });
      return id;
    })(),
};
