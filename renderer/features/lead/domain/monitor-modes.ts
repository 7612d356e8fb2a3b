import type { MonitorMode } from '../../../../preload/contract/monitor-contract';

/** The order of the lead's buttons: from silent to speaking to the caller. */
export const MONITOR_MODE_ORDER: readonly MonitorMode[] = ['listen', 'whisper', 'barge'];
