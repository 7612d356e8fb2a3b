/** The lead's monitoring keys: Alt+1 监听, Alt+2 耳语, Alt+3 强插, Alt+0 结束 (the numbers, not letters: no clash with 求助's Alt+Q). */
import type { MonitorMode } from '../../../../preload/contract/monitor-contract';

export const MONITOR_MODE_ORDER: readonly MonitorMode[] = ['listen', 'whisper', 'barge'];

export const monitorShortcut = (key: {
  readonly key: string;
  readonly code?: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}): MonitorMode | 'stop' | null => {
  if (!key.altKey || key.ctrlKey || key.metaKey || key.shiftKey) return null;
  // The physical key: Alt+digit gives other characters on some layouts.
  const digit = /^Digit([0-3])$/.exec(key.code ?? '')?.[1] ?? (/^[0-3]$/.test(key.key) ? key.key : null);
  if (digit === null) return null;
  return digit === '0' ? 'stop' : (MONITOR_MODE_ORDER[Number(digit) - 1] ?? null);
};
