import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { OPEN_STATUSES } from '../workorders/domain/work-order-status';
import { appendAudit } from '../audit/audit-repo';
import { CALLER_NUMBER_SQL, type CallerRow, callerByKey } from '../callers/callers-repo';

export type { CallerRow } from '../callers/callers-repo';

export interface OrderRow {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly status: string;
  readonly request_type: string;
  readonly category_code: string | null;
  readonly created_at: string;
  readonly deadline_at: string | null;
  readonly confidential: number;
  /** 催办 so far, counted for open orders only. */
  readonly urged_count?: number;
  /** The latest step of an open order (where it stands now). */
  readonly last_step?: StepRow | null;
}

/** A step as the caller panel needs it (its note stays in the order drawer). */
export interface StepRow {
  readonly id: string;
  readonly kind: string;
  readonly at: string;
  readonly actor: string;
  readonly department: string | null;
  readonly due_at: string | null;
  readonly outcome: string | null;
}

export interface CallRow {
  readonly id: string;
  readonly direction: string;
  readonly ring_at: string;
  readonly answer_at: string | null;
  readonly end_at: string | null;
  readonly end_cause: string | null;
  readonly agent_id: string | null;
  readonly queue: string | null;
  readonly work_order_number: string | null;
}

/** An enterprise the caller spoke for (一企来), with its latest orders whoever called. */
export interface EnterpriseRows {
  readonly name: string;
  readonly credit_code: string;
  readonly orders: (OrderRow & { readonly caller_id: string | null })[];
}

export interface ScreenPopRows {
  readonly caller: CallerRow;
  readonly enterprises: EnterpriseRows[];
  readonly repeatCalls: number;
  readonly openOrders: OrderRow[];
  readonly recentCalls: CallRow[];
  readonly recentOrders: OrderRow[];
}

const ORDER_COLUMNS =
  'id, number, unseal(title) AS title, status, request_type, category_code, created_at, deadline_at, confidential';
/** A caller rarely speaks for more than one or two enterprises; the panel shows their last orders. */
const MAX_ENTERPRISES = 3;
const ENTERPRISE_ORDERS = 10;
const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/** The screen-pop's statements, exported so a test reads their query plans (covering indexes only). */
export const SCREEN_POP_SQL = {
  repeat: "SELECT count(*) FROM calls WHERE caller_id = ? AND ring_at >= ? AND purpose != 'training'",
  open: `SELECT ${ORDER_COLUMNS} FROM work_orders INDEXED BY work_orders_open_by_caller
         WHERE caller_id = ? AND status IN (${OPEN}) ORDER BY deadline_at LIMIT 50`,
  // Every column from the covering calls_by_caller (migration 0017): no page of the calls table is read.
  calls: `SELECT id, direction, ring_at, answer_at, end_at, end_cause, agent_id, queue, work_order_id
          FROM calls INDEXED BY calls_by_caller
          WHERE caller_id = ? AND purpose != 'training' ORDER BY ring_at DESC LIMIT ?`,
  orderNumbers: 'SELECT id, number FROM work_orders WHERE id IN (SELECT value FROM json_each(?))',
  urged: `SELECT work_order_id AS id, count(*) AS n FROM work_order_events INDEXED BY work_order_events_urged
          WHERE work_order_id IN (SELECT value FROM json_each(?)) AND kind = 'urged' GROUP BY work_order_id`,
  // One index probe per open order for its latest step (ties in time: the later row).
  lastSteps: `SELECT j.value AS order_id, e.id, e.kind, e.at, e.actor, e.department, e.due_at, e.outcome
              FROM json_each(?) AS j JOIN work_order_events AS e ON e.rowid = (
                SELECT rowid FROM work_order_events INDEXED BY work_order_events_by_order
                WHERE work_order_id = j.value ORDER BY at DESC LIMIT 1)`,
  orders: `SELECT ${ORDER_COLUMNS} FROM work_orders INDEXED BY work_orders_by_caller
           WHERE caller_id = ? ORDER BY created_at DESC LIMIT ?`,
  callerById: `SELECT ${CALLER_NUMBER_SQL} FROM callers WHERE id = ?`,
  enterprisesOfCaller: `SELECT credit_code, max(enterprise_name) AS enterprise_name FROM work_orders INDEXED BY work_orders_enterprise_by_caller
                        WHERE caller_id = ? AND credit_code IS NOT NULL GROUP BY credit_code LIMIT ${MAX_ENTERPRISES}`,
  enterpriseOrders: `SELECT ${ORDER_COLUMNS}, caller_id FROM work_orders INDEXED BY work_orders_by_credit_code
                     WHERE credit_code = ? ORDER BY created_at DESC LIMIT ${ENTERPRISE_ORDERS}`,
} as const;

export interface TrainingCallerRow {
  readonly kind: 'open-orders' | 'confidential' | 'repeat';
  readonly number_key: string;
  readonly name: string | null;
  readonly count: number;
}

export const screenPopRepo = {
  /**
   * The demo callers a trainer may ring as, chosen once when the demo history was generated (see
   * main/demo/demo-callers.ts): one row, so opening 模拟来电 costs nothing on a province database.
   * A real profile has none.
   */
  trainingCallers: (db: Database): TrainingCallerRow[] => {
    const json = statement(db, "SELECT data_json FROM reference_docs WHERE kind = 'demo' AND id = 'training-callers'")
      .pluck()
      .get() as string | undefined;
    return json ? (JSON.parse(json) as TrainingCallerRow[]) : [];
  },

  /**
   * Everything the caller panel shows, read in one snapshot through indexes only:
   * callers.number_key (unique), calls_by_caller, work_orders_open_by_caller, work_orders_by_caller.
   */
  lookup: (db: Database, query: { numberKey: string; since: string; limit: number }): ScreenPopRows | null =>
    db.transaction(() => {
      const caller = callerByKey(db, query.numberKey);
      if (!caller) return null;
      const open = statement(db, SCREEN_POP_SQL.open).all(caller.id) as OrderRow[];
      const urged =
        open.length === 0
          ? new Map<string, number>()
          : new Map(
              (
                statement(db, SCREEN_POP_SQL.urged).all(JSON.stringify(open.map((order) => order.id))) as {
                  id: string;
                  n: number;
                }[]
              ).map((row) => [row.id, row.n]),
            );
      const steps =
        open.length === 0
          ? new Map<string, StepRow>()
          : new Map(
              (
                statement(db, SCREEN_POP_SQL.lastSteps).all(JSON.stringify(open.map((order) => order.id))) as (StepRow & {
                  order_id: string;
                })[]
              ).map(({ order_id, ...step }) => [order_id, step]),
            );
      const openOrders = open.map((order) => ({
        ...order,
        urged_count: urged.get(order.id) ?? 0,
        last_step: steps.get(order.id) ?? null,
      }));
      const recentOrders = statement(db, SCREEN_POP_SQL.orders).all(caller.id, query.limit) as OrderRow[];
      const calls = statement(db, SCREEN_POP_SQL.calls).all(caller.id, query.limit) as (Omit<CallRow, 'work_order_number'> & {
        work_order_id: string | null;
      })[];
      // A call's order is nearly always one of the caller's orders just read; only the others cost a lookup.
      const numbers = new Map([...openOrders, ...recentOrders].map((order) => [order.id, order.number]));
      const missing = [
        ...new Set(calls.map((call) => call.work_order_id).filter((id): id is string => id !== null && !numbers.has(id))),
      ];
      if (missing.length > 0) {
        for (const row of statement(db, SCREEN_POP_SQL.orderNumbers).all(JSON.stringify(missing)) as {
          id: string;
          number: string;
        }[])
          numbers.set(row.id, row.number);
      }
      const enterprises = (
        statement(db, SCREEN_POP_SQL.enterprisesOfCaller).all(caller.id) as {
          credit_code: string;
          enterprise_name: string | null;
        }[]
      ).map((enterprise) => ({
        name: enterprise.enterprise_name ?? '',
        credit_code: enterprise.credit_code,
        orders: statement(db, SCREEN_POP_SQL.enterpriseOrders).all(enterprise.credit_code) as EnterpriseRows['orders'],
      }));
      return {
        caller,
        enterprises,
        repeatCalls: statement(db, SCREEN_POP_SQL.repeat).pluck().get(caller.id, query.since) as number,
        openOrders,
        recentCalls: calls.map(({ work_order_id, ...call }) => ({
          ...call,
          work_order_number: work_order_id === null ? null : (numbers.get(work_order_id) ?? null),
        })),
        recentOrders,
      };
    })(),

  /** The clear number of a confidential caller, released only together with its audit entry. */
  /** The clear number of a confidential caller, or of a call whose caller withheld it; audited in the same transaction. */
  revealNumber: (
    db: Database,
    request: ({ callerId: string } | { callId: string }) & { actor: string; screen: string; at: string },
  ): string | null =>
    db.transaction(() => {
      const byCall = 'callId' in request;
      const found = byCall
        ? (statement(db, 'SELECT unseal(remote_number) AS key, caller_id AS callerId FROM calls WHERE id = ?').get(
            request.callId,
          ) as { key: string | null; callerId: string | null } | undefined)
        : {
            key: statement(db, SCREEN_POP_SQL.callerById).pluck().get(request.callerId) as string | undefined,
            callerId: request.callerId,
          };
      if (!found?.key) return null;
      appendAudit(db, {
        actor: request.actor,
        action: 'reveal_number',
        screen: request.screen,
        callerId: found.callerId ?? undefined,
        detail: byCall ? `call:${request.callId}` : undefined,
        at: request.at,
      });
      return found.key;
    })(),

  recordView: (
    db: Database,
    entry: { callerId: string; actor: string; screen: string; at: string; detail: string | null },
  ): void => {
    appendAudit(db, { action: 'view_caller', ...entry });
  },
};
