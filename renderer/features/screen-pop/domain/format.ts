/** "11-26 14:05" for this year, "2025-03-14 09:30" otherwise; local time, as agents read it. */
export const shortDateTime = (iso: string, now: Date = new Date()): string => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const pad = (value: number) => String(value).padStart(2, '0');
  const time = `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return at.getFullYear() === now.getFullYear() ? time : `${at.getFullYear()}-${time}`;
};

export const callDuration = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} 分 ${seconds % 60} 秒` : `${seconds} 秒`;
};
