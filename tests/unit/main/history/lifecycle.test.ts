import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIFECYCLE_CLOCKS,
  type LifecycleEvent,
  currentStep,
  lifecycleSteps,
  stepWithStatus,
} from '../../../../main/history/domain/lifecycle';
import { bundledCalendar } from '../../../../main/workorders/domain/holiday-calendar';
import { workOrderEventRecordSchema } from '../../../../main/sync/protocol/stream-records';

const step = (kind: string, at: string, extra: Partial<LifecycleEvent> = {}): LifecycleEvent => ({
  id: `${kind}-${at}`,
  kind,
  at,
  actor: '平台',
  note: null,
  department: null,
  dueAt: null,
  outcome: null,
  ...extra,
});
const context = (now: string) => ({ now: new Date(now), calendar: bundledCalendar, rules: DEFAULT_LIFECYCLE_CLOCKS });

describe('the clocks of an order’s life (hand-computed, China time, 2026 calendar)', () => {
  it('派单 on the eve of 国庆 must be 签收 by the end of the first working day after it (8 October)', () => {
    // Wed 30 Sep 10:00 +08:00; 1–7 October are off, the 8th a working Thursday.
    const [dispatched] = lifecycleSteps(
      [step('dispatched', '2026-09-30T02:00:00.000Z', { department: '城市管理局' })],
      { deadlineAt: null },
      context('2026-10-08T12:00:00.000Z'),
    );
    expect(dispatched?.clock).toEqual({
      kind: 'accept',
      dueAt: '2026-10-08T15:59:59.000Z',
      metAt: null,
      endedBy: null,
      minutesLeft: 239, // 20:00 → 23:59:59 China
    });
  });

  it('a clock stops at the step that answers it, on time or late by how much', () => {
    const steps = lifecycleSteps(
      [
        step('registered', '2026-12-07T01:00:00.000Z'),
        step('dispatched', '2026-12-07T02:00:00.000Z', { department: '住建局' }),
        // Signed for on Wednesday 9:00 China: a day late against Tuesday 23:59:59.
        step('accepted', '2026-12-09T01:00:00.000Z', { department: '住建局' }),
      ],
      { deadlineAt: '2026-12-18T15:59:59.000Z' },
      context('2026-12-10T02:00:00.000Z'),
    );
    expect(steps.map((each) => each.kind)).toEqual(['registered', 'dispatched', 'accepted']);
    expect(steps[0]?.clock).toBeNull();
    expect(steps[1]?.clock).toMatchObject({
      kind: 'accept',
      dueAt: '2026-12-08T15:59:59.000Z',
      metAt: '2026-12-09T01:00:00.000Z',
    });
    expect(steps[1]?.clock?.minutesLeft).toBe(-541); // 9:00 Wed is 9 h 00 min 01 s after 23:59:59 Tue
    // 签收 starts the 办结 clock toward the order's deadline, still running.
    expect(steps[2]?.clock).toEqual({
      kind: 'resolve',
      dueAt: '2026-12-18T15:59:59.000Z',
      metAt: null,
      endedBy: null,
      minutesLeft: 8 * 24 * 60 + 13 * 60 + 59, // Thu 10:00 → Fri 18th 23:59:59
    });
  });

  it('延期: the request gets a decision clock; the approval carries the new deadline the 办结 clock counts toward', () => {
    const steps = lifecycleSteps(
      [
        step('accepted', '2026-12-07T02:00:00.000Z'),
        step('postponed', '2026-12-10T02:00:00.000Z', { outcome: 'requested' }),
        step('postponed', '2026-12-11T03:00:00.000Z', { outcome: 'approved', dueAt: '2026-12-25T15:59:59.000Z' }),
        step('resolved', '2026-12-22T02:00:00.000Z'),
      ],
      { deadlineAt: '2026-12-25T15:59:59.000Z' },
      context('2026-12-22T03:00:00.000Z'),
    );
    // The 签收's 办结 clock is replaced by the approval's later one, not met.
    expect(steps[0]?.clock).toMatchObject({ kind: 'resolve', metAt: '2026-12-11T03:00:00.000Z', endedBy: 'postponed' });
    expect(steps[1]?.clock).toMatchObject({
      kind: 'postpone-decision',
      dueAt: '2026-12-11T15:59:59.000Z',
      metAt: '2026-12-11T03:00:00.000Z',
    });
    expect(steps[2]?.clock).toMatchObject({
      kind: 'resolve',
      dueAt: '2026-12-25T15:59:59.000Z',
      metAt: '2026-12-22T02:00:00.000Z',
    });
    expect(steps[2]?.clock?.minutesLeft).toBeGreaterThan(0);
    // 办结 on Tue 22nd: 回访 within 3 working days → Fri 25th; now is Tue 11:00 China.
    expect(currentStep(steps)?.clock).toMatchObject({
      kind: 'visit',
      dueAt: '2026-12-25T15:59:59.000Z',
      metAt: null,
      minutesLeft: 3 * 24 * 60 + 12 * 60 + 59,
    });
  });

  it('办结 on a Friday: 回访 due the next Wednesday (3 working days, the weekend skipped); 回访 stops it', () => {
    const steps = lifecycleSteps(
      [step('resolved', '2026-12-11T01:00:00.000Z'), step('visited', '2026-12-14T02:00:00.000Z', { outcome: 'satisfied' })],
      { deadlineAt: null },
      context('2026-12-20T00:00:00.000Z'),
    );
    expect(steps[0]?.clock).toMatchObject({
      kind: 'visit',
      dueAt: '2026-12-16T15:59:59.000Z',
      metAt: '2026-12-14T02:00:00.000Z',
    });
    expect(steps[1]?.clock).toBeNull();
  });

  it('退回 restarts with a re-dispatch clock; 催办 shows the department’s clock it recorded; events arrive unsorted', () => {
    const steps = lifecycleSteps(
      [
        step('dispatched', '2026-12-08T02:00:00.000Z'),
        step('urged', '2026-12-09T02:00:00.000Z', { department: '交通运输局', dueAt: '2026-12-15T15:59:59.000Z' }),
        step('returned', '2026-12-07T05:00:00.000Z'),
        step('dispatched', '2026-12-07T02:00:00.000Z'),
      ],
      { deadlineAt: '2026-12-31T15:59:59.000Z' },
      context('2026-12-09T03:00:00.000Z'),
    );
    expect(steps.map((each) => each.kind)).toEqual(['dispatched', 'returned', 'dispatched', 'urged']);
    expect(steps[0]?.clock).toMatchObject({ kind: 'accept', metAt: '2026-12-07T05:00:00.000Z' });
    expect(steps[1]?.clock).toMatchObject({
      kind: 'redispatch',
      dueAt: '2026-12-08T15:59:59.000Z',
      metAt: '2026-12-08T02:00:00.000Z',
    });
    expect(steps[3]?.clock).toMatchObject({ kind: 'resolve', dueAt: '2026-12-15T15:59:59.000Z', metAt: null });
    expect(steps[3]?.department).toBe('交通运输局');
  });

  it('no clock without anything to count toward, and an order with no steps has no current one', () => {
    expect(
      lifecycleSteps([step('accepted', '2026-12-07T02:00:00.000Z')], { deadlineAt: null }, context('2026-12-08T00:00:00Z'))[0]
        ?.clock,
    ).toBeNull();
    expect(currentStep([])).toBeNull();
  });

  it('the protocol refuses an outcome that does not belong to its step, and a due time that is not one', () => {
    const base = { id: 'e1', workOrderId: 'o1', at: '2026-12-07T02:00:00.000Z', actor: '平台', note: null };
    expect(workOrderEventRecordSchema.safeParse({ ...base, kind: 'postponed', outcome: 'approved' }).success).toBe(true);
    expect(workOrderEventRecordSchema.safeParse({ ...base, kind: 'visited', outcome: 'dissatisfied' }).success).toBe(true);
    expect(workOrderEventRecordSchema.safeParse({ ...base, kind: 'visited', outcome: 'approved' }).success).toBe(false);
    expect(workOrderEventRecordSchema.safeParse({ ...base, kind: 'accepted', outcome: 'satisfied' }).success).toBe(false);
    expect(workOrderEventRecordSchema.safeParse({ ...base, kind: 'postponed', dueAt: '下周五' }).success).toBe(false);
    // Older senders: none of the new fields at all.
    expect(workOrderEventRecordSchema.safeParse({ ...base, kind: 'dispatched' }).success).toBe(true);
  });

  it('shows no running clock the order’s status says is over (the platform moved on without sending the step)', () => {
    const [dispatched] = lifecycleSteps(
      [step('dispatched', '2026-12-07T02:00:00.000Z')],
      { deadlineAt: null },
      context('2026-12-07T03:00:00Z'),
    );
    expect(stepWithStatus(dispatched!, 'dispatched').clock).toMatchObject({ kind: 'accept', metAt: null });
    expect(stepWithStatus(dispatched!, 'accepted').clock).toBeNull();
    const [requested] = lifecycleSteps(
      [step('postponed', '2026-12-07T02:00:00.000Z', { outcome: 'requested' })],
      { deadlineAt: null },
      context('2026-12-07T03:00:00Z'),
    );
    expect(stepWithStatus(requested!, 'accepted').clock).toMatchObject({ kind: 'postpone-decision' });
  });
});
