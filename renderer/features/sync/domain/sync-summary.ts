import type { SyncStatusView } from '../../../../preload/contract';

/** "5 分钟" / "2 小时" / "3 天": how long the oldest item has been waiting. */
export const waitingFor = (since: string | null, now: Date): string | null => {
  if (!since) return null;
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000));
  if (minutes < 1) return '不到 1 分钟';
  if (minutes < 60) return `${minutes} 分钟`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} 小时`;
  return `${Math.floor(minutes / (24 * 60))} 天`;
};

export type SyncTone = 'muted' | 'ok' | 'busy' | 'warn' | 'error';

export const syncTone = (status: SyncStatusView | null): SyncTone => {
  if (!status || status.state === 'unconfigured') return 'muted';
  if (status.quarantined > 0) return 'error';
  if (status.state === 'offline' || status.state === 'signed-out') return 'warn';
  if (status.state === 'syncing') return 'busy';
  return 'ok';
};
