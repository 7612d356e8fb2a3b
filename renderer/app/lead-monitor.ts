import { useMemo } from 'react';
import type { LeadMonitorControls } from '../features/lead';
import { consoleBridge, usePhoneStore } from '../features/phone';

/**
 * The hall's 监听 / 耳语 / 强插 buttons drive the phone's monitoring session through its adapter
 * (the console bridge; a PBX's own monitoring would be another adapter, docs/monitoring.md).
 */
export const useLeadMonitor = (): LeadMonitorControls => {
  const view = usePhoneStore((store) => (store.monitor?.role === 'lead' ? store.monitor : null));
  const keys = usePhoneStore((store) => store.preferences?.shortcuts);
  return useMemo(
    () => ({
      session: view ? { agentId: view.agentId, mode: view.mode, phase: view.phase } : null,
      shortcuts: {
        listen: keys?.monitorListen ?? '',
        whisper: keys?.monitorWhisper ?? '',
        barge: keys?.monitorBarge ?? '',
        stop: keys?.monitorEnd ?? '',
      },
      start: (agentId, mode) => void consoleBridge.start(agentId, mode),
      stop: () => void consoleBridge.stop(),
    }),
    [view, keys],
  );
};
