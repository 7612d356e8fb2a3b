import type { LifecycleStepView } from '../../../../preload/contract';
import type { MessageKey } from '../../../shared/i18n/t';

/** 延期 and 回访 say which: 延期申请 / 批准 / 不批准, 回访：满意 …; every other step by its kind. */
export const stepLabelKey = (step: Pick<LifecycleStepView, 'kind' | 'outcome'>): MessageKey =>
  (step.outcome && (step.kind === 'postponed' || step.kind === 'visited')
    ? `event.${step.kind}.${step.outcome}`
    : `event.${step.kind}`) as MessageKey;

export type StepClockState = 'running' | 'met-on-time' | 'met-late' | 'postponed';

export const stepClockState = (clock: NonNullable<LifecycleStepView['clock']>): StepClockState => {
  if (clock.metAt === null) return 'running';
  // Replaced by the later deadline of an approved postponement (unless it had already run out).
  if (clock.kind === 'resolve' && clock.endedBy === 'postponed' && clock.minutesLeft >= 0) return 'postponed';
  return clock.minutesLeft >= 0 ? 'met-on-time' : 'met-late';
};
