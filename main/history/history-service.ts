import { performance } from 'node:perf_hooks';
import type { CallSummary, DeskHandlers, LifecycleStepView, OrderSummary, ScreenPop } from '../../preload/contract';
import type { DbClient } from '../db/db-client';
import { DeskFailure } from '../shared/desk-failure';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { areaCodeForDivision } from '../callers/domain/area-codes';
import { maskPhoneNumber, normalizePhoneNumber } from '../callers/domain/phone-number';
import { callerIdentityFromInvite, privacyRequested } from '../callers/domain/sip-identity';
import { minutesLeft, secondsBetween } from './domain/time-left';
import type { CallRow, OrderRow, StepRow } from './screen-pop-repo';
import {
  DEFAULT_LIFECYCLE_CLOCKS,
  type LifecycleClockRules,
  type LifecycleStep,
  lifecycleSteps,
  stepWithStatus,
} from './domain/lifecycle';
import type { WorkOrderEventRow } from './work-order-history-repo';
import { enterpriseClocks } from '../enterprise/domain/enterprise-clocks';
import { bundledCalendar, type HolidayCalendar } from '../workorders/domain/holiday-calendar';
import type { EnterpriseMode } from '../workorders/domain/intake-reference';

const RECENT_LIMIT = 20;
const CONFIDENTIAL_TITLE = '（保密工单）';
const REPEAT_WINDOW_MS = 30 * 24 * 3600 * 1000;

const parseTags = (json: string): string[] => {
  try {
    const tags: unknown = JSON.parse(json);
    return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
};

interface StepContext {
  readonly now: Date;
  readonly calendar: HolidayCalendar;
  readonly rules: LifecycleClockRules;
}

const stepView = (step: LifecycleStep): LifecycleStepView => ({
  id: step.id,
  kind: step.kind,
  outcome: step.outcome,
  at: step.at,
  actor: step.actor,
  department: step.department,
  note: step.note,
  clock: step.clock,
});

const asLifecycleEvent = (row: StepRow | WorkOrderEventRow) => ({
  id: row.id,
  kind: row.kind,
  at: row.at,
  actor: row.actor,
  note: 'note' in row ? row.note : null,
  department: row.department,
  dueAt: row.due_at,
  outcome: row.outcome,
});

const orderSummary =
  (context: StepContext) =>
  (row: OrderRow): OrderSummary => {
    const step = row.last_step
      ? lifecycleSteps([asLifecycleEvent(row.last_step)], { deadlineAt: row.deadline_at }, context)[0]
      : undefined;
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      status: row.status,
      requestType: row.request_type,
      createdAt: row.created_at,
      deadlineAt: row.deadline_at,
      minutesLeft: minutesLeft(row.deadline_at, context.now),
      urgedCount: row.urged_count ?? 0,
      step: step ? stepView(stepWithStatus(step, row.status)) : null,
    };
  };

const callSummary = (row: CallRow): CallSummary => ({
  id: row.id,
  direction: row.direction === 'outbound' ? 'outbound' : 'inbound',
  ringAt: row.ring_at,
  answered: row.answer_at !== null,
  durationSeconds: secondsBetween(row.answer_at, row.end_at),
  agentId: row.agent_id,
  endCause: row.end_cause,
  workOrderNumber: row.work_order_number,
});

/** The contract's history namespace, implemented here: a new contract method is written once, in the contract. */
export type HistoryService = DeskHandlers['history'];

export const createHistoryService = (deps: {
  readonly db: DbClient;
  readonly settings: SettingsService;
  readonly log: Logger;
  /** The centre's 一企来 handling modes and the working-day calendar: an enterprise order shows its mode's clocks. */
  readonly enterpriseModes?: () => readonly EnterpriseMode[];
  readonly calendar?: () => HolidayCalendar;
  /** Working days of each lifecycle step's clock (the centre's intake configuration). */
  readonly lifecycleClocks?: () => LifecycleClockRules;
  readonly now?: () => Date;
}): HistoryService => {
  const { db, settings, log } = deps;
  const now = deps.now ?? (() => new Date());
  const actor = async (): Promise<string> => (await settings.current()).agentId || 'unconfigured';
  const stepContext = (at: Date): StepContext => ({
    now: at,
    calendar: deps.calendar?.() ?? bundledCalendar,
    rules: deps.lifecycleClocks?.() ?? DEFAULT_LIFECYCLE_CLOCKS,
  });

  return {
    screenPop: async (headers) => {
      const started = performance.now();
      const current = await settings.current();
      const defaultAreaCode = current.centreCode ? areaCodeForDivision(current.centreCode) : undefined;
      const identity = callerIdentityFromInvite(headers, defaultAreaCode ? { defaultAreaCode } : {});
      const at = now();
      // A caller who asked for privacy is shown like a confidential one: masked number, no name.
      const withheld = privacyRequested(headers.privacy) && identity.number.key !== null;
      const empty: ScreenPop = {
        number: {
          kind: identity.number.kind,
          display: withheld ? maskPhoneNumber(identity.number) : identity.number.display,
          masked: withheld,
          source: identity.source,
        },
        displayName: withheld ? null : identity.displayName,
        privacyRequested: withheld,
        caller: null,
        repeatCalls30d: 0,
        openOrders: [],
        recentCalls: [],
        enterprises: [],
        recentOrders: [],
        lookupMs: 0,
      };
      if (identity.number.key === null) return { ...empty, lookupMs: performance.now() - started };

      const rows = await db.repos.screenPop.lookup({
        numberKey: identity.number.key,
        since: new Date(at.getTime() - REPEAT_WINDOW_MS).toISOString(),
        limit: RECENT_LIMIT,
      });
      if (!rows) return { ...empty, lookupMs: performance.now() - started };

      const confidential = rows.caller.confidential === 1;
      const masked = confidential || withheld;
      await db.repos.screenPop.recordView({
        callerId: rows.caller.id,
        actor: current.agentId || 'unconfigured',
        screen: 'caller-panel',
        at: at.toISOString(),
        detail: headers.refresh ? 'refresh' : 'incoming-call',
      });
      const lookupMs = performance.now() - started;
      log.info('history.screen-pop', {
        found: true,
        openOrders: rows.openOrders.length,
        lookupMs: Math.round(lookupMs * 10) / 10,
      });
      return {
        ...empty,
        number: {
          ...empty.number,
          display: masked ? maskPhoneNumber(identity.number) : identity.number.display,
          masked,
        },
        displayName: masked ? null : identity.displayName,
        caller: {
          id: rows.caller.id,
          name: masked ? null : rows.caller.name,
          tags: parseTags(rows.caller.tags_json),
          confidential,
          regionCode: rows.caller.region_code,
        },
        repeatCalls30d: rows.repeatCalls,
        openOrders: rows.openOrders.map(orderSummary(stepContext(at))),
        recentCalls: rows.recentCalls.map(callSummary),
        recentOrders: rows.recentOrders.map(orderSummary(stepContext(at))),
        enterprises: rows.enterprises.map((enterprise) => ({
          name: enterprise.name,
          creditCode: enterprise.credit_code,
          // Another contact's confidential order is counted, not read out to this caller.
          orders: enterprise.orders
            .map((order) =>
              order.confidential === 1 && order.caller_id !== rows.caller.id ? { ...order, title: CONFIDENTIAL_TITLE } : order,
            )
            .map(orderSummary(stepContext(at))),
        })),
        lookupMs,
      };
    },

    trainingCallers: async () =>
      (await db.repos.screenPop.trainingCallers()).map((row) => {
        const number = normalizePhoneNumber(row.number_key);
        const confidential = row.kind === 'confidential';
        return {
          kind: row.kind,
          number: row.number_key,
          display: confidential ? maskPhoneNumber(number) : number.display,
          name: confidential || !row.name ? null : row.name,
          count: row.count,
        };
      }),
    revealNumber: async (request) => {
      const { screen } = request;
      const target = 'callerId' in request ? { callerId: request.callerId } : { callId: request.callId };
      const key = await db.repos.screenPop.revealNumber({ ...target, actor: await actor(), screen, at: now().toISOString() });
      if (key === null) throw new DeskFailure('NOT_FOUND', '没有找到这位来电人');
      log.info('history.number-revealed', { screen });
      return { display: normalizePhoneNumber(key).display };
    },

    urge: async ({ workOrderId }) => {
      const outcome = await db.repos.workOrderHistory.urge({ workOrderId, actor: await actor(), at: now().toISOString() });
      if (outcome.kind === 'not-found') throw new DeskFailure('NOT_FOUND', '没有找到这张工单');
      if (outcome.kind === 'closed')
        throw new DeskFailure('INVALID_INPUT', '这张工单已办结，不能催办；如对结果不满意，请登记新的诉求');
      log.info('history.order-urged', { repeated: outcome.kind === 'already-recorded' });
      return { urgedCount: outcome.count, at: outcome.at, alreadyRecorded: outcome.kind === 'already-recorded' };
    },

    recordVisit: async ({ workOrderId, satisfaction, note }) => {
      const outcome = await db.repos.workOrderHistory.recordVisit({
        workOrderId,
        satisfaction,
        note: note || null,
        actor: await actor(),
        at: now().toISOString(),
      });
      if (outcome.kind === 'not-found') throw new DeskFailure('NOT_FOUND', '没有找到这张工单');
      if (outcome.kind === 'not-resolved') throw new DeskFailure('INVALID_INPUT', '只有已办结的工单可以登记回访结果');
      log.info('history.order-visited', { satisfaction });
      return { at: outcome.at, status: outcome.status };
    },

    workOrder: async ({ workOrderId }) => {
      const at = now();
      const found = await db.repos.workOrderHistory.open({
        workOrderId,
        actor: await actor(),
        screen: 'work-order',
        at: at.toISOString(),
      });
      if (!found) throw new DeskFailure('NOT_FOUND', '没有找到这张工单');
      const { order, events } = found;
      const mode = order.enterprise_mode
        ? deps.enterpriseModes?.().find((known) => known.code === order.enterprise_mode)
        : undefined;
      const clocks = mode
        ? enterpriseClocks(new Date(order.created_at), mode, deps.calendar?.() ?? bundledCalendar).map((clock) => ({
            ...clock,
            minutesLeft: minutesLeft(clock.dueAt, at) ?? 0,
          }))
        : [];
      return {
        id: order.id,
        number: order.number,
        channel: order.channel,
        requestType: order.request_type,
        categoryCode: order.category_code,
        regionCode: order.region_code,
        address: order.address,
        title: order.title,
        content: order.content,
        urgency: order.urgency,
        handlingMode: order.handling_mode,
        leadDepartment: order.lead_department,
        coDepartments: parseTags(order.co_departments_json),
        reply: order.reply,
        status: order.status,
        deadlineAt: order.deadline_at,
        minutesLeft: minutesLeft(order.deadline_at, at),
        createdAt: order.created_at,
        createdBy: order.created_by,
        enterprise:
          order.enterprise_name && order.credit_code
            ? {
                name: order.enterprise_name,
                creditCode: order.credit_code,
                mode: mode ? `${mode.group} · ${mode.name}` : order.enterprise_mode,
                clocks,
              }
            : null,
        events: lifecycleSteps(events.map(asLifecycleEvent), { deadlineAt: order.deadline_at }, stepContext(at)).map((step) =>
          stepView(stepWithStatus(step, order.status)),
        ),
      };
    },
  };
};
