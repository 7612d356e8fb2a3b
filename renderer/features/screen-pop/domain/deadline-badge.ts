export type DeadlineTone = 'none' | 'ok' | 'soon' | 'overdue';

/** Hours left below which a deadline is shown as close: the agent should tell the caller it is being chased. */
const SOON_MINUTES = 24 * 60;

export const humanDuration = (minutes: number): string => {
  const total = Math.abs(Math.round(minutes));
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return `${hours} 小时`;
  return `${Math.max(1, total % 60)} 分钟`;
};

export const deadlineTone = (minutesLeft: number | null): DeadlineTone => {
  if (minutesLeft === null) return 'none';
  if (minutesLeft < 0) return 'overdue';
  return minutesLeft <= SOON_MINUTES ? 'soon' : 'ok';
};
