import type { LifecycleStepView } from '../../../../preload/contract';
import { type MessageKey, t } from '../../../shared/i18n/t';
import { shortDateTime } from '../../../shared/format-time';
import { humanDuration } from '../domain/deadline-badge';
import { stepClockState } from '../domain/step-label';
import { DeadlineBadge } from './DeadlineBadge';

/** The clock a step started: due time and what is left while it runs, or whether it was met in time. */
export const StepClock = ({ clock }: { clock: NonNullable<LifecycleStepView['clock']> }) => {
  const state = stepClockState(clock);
  return (
    <span className="step-clock" data-testid="step-clock" data-state={state}>
      <span>{t('stepClock.due', { label: t(`stepClock.${clock.kind}` as MessageKey), time: shortDateTime(clock.dueAt) })}</span>
      {state === 'running' ? (
        <DeadlineBadge minutesLeft={clock.minutesLeft} />
      ) : (
        <span className={state === 'met-late' ? 'step-clock__late' : 'step-clock__met'}>
          {state === 'met-late'
            ? t('stepClock.metLate', { time: shortDateTime(clock.metAt ?? ''), duration: humanDuration(clock.minutesLeft) })
            : state === 'postponed'
              ? t('stepClock.postponed', { time: shortDateTime(clock.metAt ?? '') })
              : t('stepClock.metOnTime', { time: shortDateTime(clock.metAt ?? '') })}
        </span>
      )}
    </span>
  );
};
