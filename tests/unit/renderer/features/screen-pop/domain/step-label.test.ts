import { describe, expect, it } from 'vitest';
import { stepClockState, stepLabelKey } from '../../../../../../renderer/features/screen-pop/domain/step-label';
import { t } from '../../../../../../renderer/shared/i18n/t';

const clock = (over: Partial<Parameters<typeof stepClockState>[0]>) => ({
  kind: 'resolve' as const,
  dueAt: '2026-12-18T15:59:59.000Z',
  metAt: null,
  endedBy: null,
  minutesLeft: 60,
  ...over,
});

describe('how a lifecycle step reads on the panel', () => {
  it('names 延期 and 回访 by their outcome, every other step by its kind', () => {
    expect(t(stepLabelKey({ kind: 'postponed', outcome: 'requested' }))).toBe('延期申请');
    expect(t(stepLabelKey({ kind: 'postponed', outcome: 'refused' }))).toBe('延期不批准');
    expect(t(stepLabelKey({ kind: 'postponed', outcome: null }))).toBe('延期');
    expect(t(stepLabelKey({ kind: 'visited', outcome: 'dissatisfied' }))).toBe('回访：不满意');
    expect(t(stepLabelKey({ kind: 'dispatched', outcome: null }))).toBe('派单');
  });

  it('tells a running clock from one met in time, one met late, and a 办结 clock an approved postponement replaced', () => {
    expect(stepClockState(clock({}))).toBe('running');
    expect(stepClockState(clock({ minutesLeft: -5 }))).toBe('running');
    expect(stepClockState(clock({ metAt: '2026-12-10T00:00:00.000Z', endedBy: 'resolved' }))).toBe('met-on-time');
    expect(stepClockState(clock({ metAt: '2026-12-20T00:00:00.000Z', endedBy: 'resolved', minutesLeft: -2000 }))).toBe(
      'met-late',
    );
    expect(stepClockState(clock({ metAt: '2026-12-10T00:00:00.000Z', endedBy: 'postponed' }))).toBe('postponed');
    // Approved after it had already run out: still late.
    expect(stepClockState(clock({ metAt: '2026-12-20T00:00:00.000Z', endedBy: 'postponed', minutesLeft: -10 }))).toBe('met-late');
    // A 延期审批 clock ended by the approval was met, not postponed.
    expect(stepClockState(clock({ kind: 'postpone-decision', metAt: '2026-12-10T00:00:00.000Z', endedBy: 'postponed' }))).toBe(
      'met-on-time',
    );
  });
});
