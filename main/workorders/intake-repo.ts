import type { Database } from 'better-sqlite3-multiple-ciphers';
import { internetItemOf } from '../internet/domain/internet-call-ref';
import { statement } from '../db/statement-cache';
import { callerIdByKey, insertCallerRow } from '../callers/callers-repo';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { enqueueOutbox } from '../sync/outbox-repo';
import { OPEN_STATUSES } from './domain/work-order-status';
import { formatWorkOrderNumber } from './domain/work-order-number';
import { stationRepo } from './station-repo';
import { type NewWorkOrder, insertWorkOrderEvent, insertWorkOrderRow } from './work-order-repo';

export interface DraftRow {
  readonly id: string;
  readonly call_ref: string | null;
  readonly form_json: string;
  readonly revision: number;
  readonly updated_at: string;
}

export interface DuplicateRow {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly status: string;
  readonly created_at: string;
  /** 1 same caller, 2 same enterprise (credit code), 0 same place and category. */
  readonly same_caller: number;
}

const DRAFT_COLUMNS = 'id, call_ref, unseal(form_json) AS form_json, revision, updated_at';
const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

export interface SubmitRequest {
  readonly draftId: string;
  readonly order: Omit<NewWorkOrder, 'number' | 'callerId' | 'id'>;
  readonly callerKey: string | null;
  readonly callerKind: 'mobile' | 'landline' | 'service' | 'international' | null;
  readonly centreCode: string;
  readonly chinaDate: string;
  readonly dispatchNote: string | null;
  readonly duplicateOfNumber: string | null;
  /** The form as submitted: the draft keeps it, so what was registered can be read back whole (citation included). */
  readonly formJson: string;
}

export const intakeRepo = {
  draftForCall: (db: Database, callRef: string): DraftRow | null =>
    (statement(
      db,
      `SELECT ${DRAFT_COLUMNS} FROM intake_drafts WHERE call_ref = ? AND work_order_id IS NULL ORDER BY updated_at DESC LIMIT 1`,
    ).get(callRef) as DraftRow | undefined) ?? null,

  latestOpenDraft: (db: Database): DraftRow | null =>
    (statement(
      db,
      `SELECT ${DRAFT_COLUMNS} FROM intake_drafts WHERE work_order_id IS NULL ORDER BY updated_at DESC LIMIT 1`,
    ).get() as DraftRow | undefined) ?? null,

  createDraft: (db: Database, draft: { id: string; callRef: string | null; formJson: string; at: string }): void => {
    statement(
      db,
      'INSERT INTO intake_drafts (id, call_ref, form_json, revision, created_at, updated_at) VALUES (?, ?, seal_json(?), 0, ?, ?)',
    ).run(draft.id, draft.callRef, draft.formJson, draft.at, draft.at);
  },

  /** Keeps the newest revision: a save that arrives late (after a newer one) changes nothing. */
  saveDraft: (
    db: Database,
    save: { id: string; revision: number; formJson: string; at: string },
  ): { saved: boolean; revision: number } | null => {
    const changed = statement(
      db,
      'UPDATE intake_drafts SET form_json = seal_json(?), revision = ?, updated_at = ? WHERE id = ? AND work_order_id IS NULL AND revision < ?',
    ).run(save.formJson, save.revision, save.at, save.id, save.revision).changes;
    const current = statement(db, 'SELECT revision FROM intake_drafts WHERE id = ? AND work_order_id IS NULL')
      .pluck()
      .get(save.id) as number | undefined;
    return current === undefined ? null : { saved: changed > 0, revision: current };
  },

  discardDraft: (db: Database, id: string): boolean =>
    statement(db, 'DELETE FROM intake_drafts WHERE id = ? AND work_order_id IS NULL').run(id).changes > 0,

  recentCategories: (db: Database, limit: number): string[] =>
    statement(db, 'SELECT category_code FROM recent_categories ORDER BY used_at DESC LIMIT ?').pluck().all(limit) as string[],

  /** Open orders of the last 30 days from the same caller, or at the same place in the same category. */
  duplicates: (
    db: Database,
    query: { callerKey: string | null; creditCode?: string | null; regionCode: string; categoryCode: string; since: string },
  ): DuplicateRow[] => {
    const callerId = callerIdByKey(db, query.callerKey);
    const byCaller = callerId
      ? (statement(
          db,
          `SELECT id, number, unseal(title) AS title, status, created_at, 1 AS same_caller FROM work_orders INDEXED BY work_orders_open_by_caller
           WHERE caller_id = ? AND status IN (${OPEN}) AND created_at >= ? LIMIT 10`,
        ).all(callerId, query.since) as DuplicateRow[])
      : [];
    const byPlace =
      query.regionCode && query.categoryCode
        ? (statement(
            db,
            `SELECT id, number, unseal(title) AS title, status, created_at, 0 AS same_caller FROM work_orders INDEXED BY work_orders_open_by_place
             WHERE region_code = ? AND category_code = ? AND status IN (${OPEN}) AND created_at >= ? LIMIT 10`,
          ).all(query.regionCode, query.categoryCode, query.since) as DuplicateRow[])
        : [];
    const byEnterprise = query.creditCode
      ? (statement(
          db,
          `SELECT id, number, unseal(title) AS title, status, created_at, 2 AS same_caller FROM work_orders INDEXED BY work_orders_by_credit_code
           WHERE credit_code = ? AND status IN (${OPEN}) AND created_at >= ? LIMIT 10`,
        ).all(query.creditCode, query.since) as DuplicateRow[])
      : [];
    const seen = new Set<string>();
    return [...byCaller, ...byEnterprise, ...byPlace].filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
  },

  numberOf: (db: Database, workOrderId: string): string | null =>
    (statement(db, 'SELECT number FROM work_orders WHERE id = ?').pluck().get(workOrderId) as string | undefined) ?? null,

  /**
   * The order, its caller (created when new), its first event, its outbox rows, the daily number,
   * the draft marked as submitted and the recent category, all in one transaction.
   */
  submit: (db: Database, request: SubmitRequest): { workOrderId: string; number: string } =>
    db.transaction(() => {
      const at = request.order.createdAt;
      const station = stationRepo.current(db);
      const sequence = statement(
        db,
        `INSERT INTO work_order_sequences (china_date, last) VALUES (?, 1)
         ON CONFLICT(china_date) DO UPDATE SET last = last + 1 RETURNING last`,
      )
        .pluck()
        .get(request.chinaDate) as number;
      const number = formatWorkOrderNumber({ centreCode: request.centreCode, chinaDate: request.chinaDate, station, sequence });

      let callerId: string | null = null;
      if (request.callerKey && request.callerKind) {
        callerId = callerIdByKey(db, request.callerKey);
        if (!callerId) {
          callerId = uuidv7();
          const caller = {
            id: callerId,
            numberKey: request.callerKey,
            numberKind: request.callerKind,
            name: request.order.contactName,
            tags: [],
            confidential: request.order.confidential,
            regionCode: request.order.regionCode,
            createdAt: at,
          };
          insertCallerRow(db, caller);
          enqueueOutbox(db, { stream: 'caller', recordId: callerId, op: 'create', payload: caller, at });
        }
      }

      const workOrderId = uuidv7();
      const order = { ...request.order, id: workOrderId, number, callerId };
      insertWorkOrderRow(db, order);
      const note = request.duplicateOfNumber ? `重复件，并入工单 ${request.duplicateOfNumber}` : request.dispatchNote;
      const eventId = insertWorkOrderEvent(db, { workOrderId, kind: 'registered', at, actor: order.createdBy, note });
      enqueueOutbox(db, { stream: 'work_order', recordId: workOrderId, op: 'create', payload: order, at });
      enqueueOutbox(db, {
        stream: 'work_order_event',
        recordId: eventId,
        op: 'create',
        payload: { id: eventId, workOrderId, kind: 'registered', at, actor: order.createdBy, note },
        at,
      });
      if (
        statement(
          db,
          'UPDATE intake_drafts SET work_order_id = ?, form_json = seal_json(?), updated_at = ? WHERE id = ? AND work_order_id IS NULL',
        ).run(workOrderId, request.formJson, at, request.draftId).changes !== 1
      ) {
        // Rolls the whole submission back: a draft is turned into an order once, never twice.
        throw Object.assign(new Error('draft not found or already submitted'), { code: 'DRAFT_CLOSED' });
      }
      // A draft made from an internet request: the request is completed by this order, reported with it.
      const itemId = internetItemOf(
        statement(db, 'SELECT call_ref FROM intake_drafts WHERE id = ?').pluck().get(request.draftId) as string | null,
      );
      if (itemId) {
        enqueueOutbox(db, {
          stream: 'internet_item',
          recordId: itemId,
          op: 'update',
          payload: { id: itemId, workOrderId, completedBy: order.createdBy, at },
          at,
        });
      }
      if (order.categoryCode) {
        statement(
          db,
          'INSERT INTO recent_categories (category_code, used_at) VALUES (?, ?) ON CONFLICT(category_code) DO UPDATE SET used_at = excluded.used_at',
        ).run(order.categoryCode, at);
      }
      return { workOrderId, number };
    })(),
};
