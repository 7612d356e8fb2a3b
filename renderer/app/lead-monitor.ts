import { useMemo } from 'react';
import type { LeadMonitorControls } from '../features/lead';
import { consoleBridge, usePhoneStore } from '../features/phone';

/**
 * The hall's 监听 / 耳语 / 强插 buttons drive the phone's monitoring session through its adapter
 * (the console bridge; a PBX's own monitoring would be another adapter, docs/monitoring.md).
 */
export const useLeadMonitor = (): LeadMonitorControls => {
  const view = usePhoneStore((store) => (store.monitor?.role === 'lead' ? store.monitor : null));
  return useMemo(
    () => ({
      session: view ? { agentId: view.agentId, mode: view.mode, phase: view.phase } : null,
      start: (agentId, mode) => void consoleBridge.start(agentId, mode),
      stop: () => void consoleBridge.stop(),
    }),
    [view],
  );
};
