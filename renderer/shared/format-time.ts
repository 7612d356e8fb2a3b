/**
 * Times as agents read them: always China time (the hotline's clock and the deadlines' days), even
 * on a PC whose time zone is set otherwise.
 */
const CHINA = 'Asia/Shanghai';

const parts = (at: Date, options: Intl.DateTimeFormatOptions): Record<string, string> =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: CHINA, hourCycle: 'h23', ...options })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );

/** "11-26 14:05" in the current year, "2025-03-14 09:30" otherwise. */
export const shortDateTime = (iso: string, now: Date = new Date()): string => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const p = parts(at, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const time = `${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return p.year === parts(now, { year: 'numeric' }).year ? time : `${p.year}-${time}`;
};

/** "14:03:22": when something just happened today. */
export const timeOfDay = (iso: string): string => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const p = parts(at, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `${p.hour}:${p.minute}:${p.second}`;
};

export const callDuration = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} 分 ${seconds % 60} 秒` : `${seconds} 秒`;
};
