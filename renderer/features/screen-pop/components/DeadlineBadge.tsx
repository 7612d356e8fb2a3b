import { t } from '../../../shared/i18n/t';
import { deadlineTone, humanDuration } from '../domain/deadline-badge';

export const DeadlineBadge = ({ minutesLeft }: { minutesLeft: number | null }) => {
  const tone = deadlineTone(minutesLeft);
  const text =
    minutesLeft === null
      ? t('deadline.none')
      : minutesLeft < 0
        ? t('deadline.overdue', { time: humanDuration(minutesLeft) })
        : t('deadline.left', { time: humanDuration(minutesLeft) });
  return (
    <span className={`deadline deadline--${tone}`} data-tone={tone}>
      {text}
    </span>
  );
};
