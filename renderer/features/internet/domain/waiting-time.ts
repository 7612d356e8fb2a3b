/** How long a citizen has waited, as the queue says it: 刚刚, 12 分钟, 3 小时 5 分, 2 天. */
export const waitingLabel = (receivedAt: string, now: Date): string => {
  const minutes = Math.floor((now.getTime() - Date.parse(receivedAt)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} 小时` : `${hours} 小时 ${minutes % 60} 分`;
  return `${Math.floor(hours / 24)} 天`;
};

/** 一次成功率: completed without asking the citizen back, of all completed; null before the first. */
export const firstTimeRate = (figures: { completed: number; firstTime: number }): number | null =>
  figures.completed === 0 ? null : figures.firstTime / figures.completed;

/** 820 B, 120 KB, 1.5 MB: an attachment's size as the queue lists it. */
export const fileSize = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
};
