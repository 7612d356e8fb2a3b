import { chinaDate } from '../../workorders/domain/deadline';
import type { HolidayCalendar } from '../../workorders/domain/holiday-calendar';
import { addWorkingDays } from '../../workorders/domain/working-days';
import type { WorkOrderEventKind } from '../../workorders/domain/work-order-status';

/**
 * The clock each step of a work order's life starts, and what stops it:
 *
 *   派单 dispatched ──签收时限──▶ 签收 accepted | 退回 returned
 *   退回 returned   ──重派时限──▶ 派单 dispatched
 *   延期申请 postponed/requested ──审批时限──▶ 延期批准 | 延期不批准
 *   签收 / 延期批准 / 催办 / 督办 ──办结时限 (the order's deadline)──▶ 办结 | 退回 | 延期批准 (a new clock)
 *   办结 resolved   ──回访时限──▶ 回访 visited
 *   受理 registered, 回访 visited, 归档 archived: no clock
 *
 * Working-day clocks are due at the end of the China date N working days after the step, as the
 * order's own deadline is. A step the platform gave its own due time keeps that.
 */
export interface LifecycleClockRules {
  readonly acceptWorkingDays: number;
  readonly redispatchWorkingDays: number;
  readonly postponeDecisionWorkingDays: number;
  readonly visitWorkingDays: number;
}

export const DEFAULT_LIFECYCLE_CLOCKS: LifecycleClockRules = {
  acceptWorkingDays: 1,
  redispatchWorkingDays: 1,
  postponeDecisionWorkingDays: 1,
  visitWorkingDays: 3,
};

export const POSTPONE_OUTCOMES = ['requested', 'approved', 'refused'] as const;
export const SATISFACTION_OUTCOMES = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type EventOutcome = (typeof POSTPONE_OUTCOMES)[number] | (typeof SATISFACTION_OUTCOMES)[number];

export interface LifecycleEvent {
  readonly id: string;
  readonly kind: WorkOrderEventKind | string;
  readonly at: string;
  readonly actor: string;
  readonly note: string | null;
  readonly department: string | null;
  readonly dueAt: string | null;
  readonly outcome: string | null;
}

export type ClockKind = 'accept' | 'redispatch' | 'postpone-decision' | 'resolve' | 'visit';

export interface StepClock {
  readonly kind: ClockKind;
  readonly dueAt: string;
  /** When the step that stops it happened; null while it runs. */
  readonly metAt: string | null;
  /** The step that stopped it: 'postponed' when an approved postponement replaced it with a later clock. */
  readonly endedBy: string | null;
  /** Minutes left now (negative: overdue) while it runs; at the moment it was met otherwise. */
  readonly minutesLeft: number;
}

export interface LifecycleStep extends LifecycleEvent {
  readonly clock: StepClock | null;
}

const endOfChinaDay = (date: string): string => new Date(Date.parse(`${date}T23:59:59.000+08:00`)).toISOString();

const stoppedBy: Record<ClockKind, (event: LifecycleEvent) => boolean> = {
  accept: (event) => event.kind === 'accepted' || event.kind === 'returned',
  redispatch: (event) => event.kind === 'dispatched',
  'postpone-decision': (event) => event.kind === 'postponed' && event.outcome !== 'requested',
  resolve: (event) =>
    event.kind === 'resolved' || event.kind === 'returned' || (event.kind === 'postponed' && event.outcome === 'approved'),
  visit: (event) => event.kind === 'visited',
};

const clockOf = (
  event: LifecycleEvent,
  rules: LifecycleClockRules,
): { kind: ClockKind; workingDays: number } | { kind: 'resolve' } | null => {
  switch (event.kind) {
    case 'dispatched':
      return { kind: 'accept', workingDays: rules.acceptWorkingDays };
    case 'returned':
      return { kind: 'redispatch', workingDays: rules.redispatchWorkingDays };
    case 'postponed':
      return event.outcome === 'requested'
        ? { kind: 'postpone-decision', workingDays: rules.postponeDecisionWorkingDays }
        : { kind: 'resolve' };
    case 'accepted':
    case 'urged':
    case 'supervised':
      return { kind: 'resolve' };
    case 'resolved':
      return { kind: 'visit', workingDays: rules.visitWorkingDays };
    default:
      return null;
  }
};

const minutesBetween = (from: number, to: number): number => Math.floor((to - from) / 60_000);

/**
 * Every step of an order in time order, each with the clock it started. `deadlineAt` is the order's
 * current deadline (after an approved postponement, the new one): what 办结时限 counts toward when a
 * step names no due time of its own.
 */
export const lifecycleSteps = (
  events: readonly LifecycleEvent[],
  order: { readonly deadlineAt: string | null },
  context: { readonly now: Date; readonly calendar: HolidayCalendar; readonly rules: LifecycleClockRules },
): LifecycleStep[] => {
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return ordered.map((event, index) => {
    const rule = clockOf(event, context.rules);
    if (!rule) return { ...event, clock: null };
    const dueAt =
      event.dueAt ??
      ('workingDays' in rule
        ? endOfChinaDay(addWorkingDays(chinaDate(new Date(event.at)), rule.workingDays, context.calendar))
        : order.deadlineAt);
    if (!dueAt || Number.isNaN(Date.parse(dueAt))) return { ...event, clock: null };
    const stop = ordered.slice(index + 1).find(stoppedBy[rule.kind]);
    const due = Date.parse(dueAt);
    return {
      ...event,
      clock: {
        kind: rule.kind,
        dueAt,
        metAt: stop?.at ?? null,
        endedBy: stop?.kind ?? null,
        minutesLeft: minutesBetween(stop ? Date.parse(stop.at) : context.now.getTime(), due),
      },
    };
  });
};

/** The step the order is in now: its latest, with the clock that runs (the caller panel shows it). */
export const currentStep = (steps: readonly LifecycleStep[]): LifecycleStep | null => steps.at(-1) ?? null;

/** The statuses in which a still-running clock of this kind can still be running. */
const RUNS_WHILE: Record<ClockKind, readonly string[] | null> = {
  accept: ['dispatched'],
  redispatch: ['returned'],
  'postpone-decision': null,
  resolve: ['registered', 'dispatched', 'accepted', 'postponed'],
  visit: ['resolved'],
};

/**
 * The order's status is the platform's word: a step whose answer the console never received (the
 * status moved on without the event) shows no running clock rather than one that is not running.
 */
export const stepWithStatus = (step: LifecycleStep, status: string): LifecycleStep => {
  if (!step.clock || step.clock.metAt !== null) return step;
  const allowed = RUNS_WHILE[step.clock.kind];
  return allowed === null || allowed.includes(status) ? step : { ...step, clock: null };
};
