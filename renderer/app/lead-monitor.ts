import { useMemo } from 'react';
import type { LeadMonitorControls } from '../features/lead';
import { monitorRequested, monitorStopped, usePhoneStore } from '../features/phone';

/** The hall's 监听 / 耳语 / 强插 buttons drive the phone's monitoring session (the phone owns the SIP leg). */
export const useLeadMonitor = (): LeadMonitorControls => {
  const view = usePhoneStore((store) => (store.monitor?.role === 'lead' ? store.monitor : null));
  return useMemo(
    () => ({
      session: view ? { agentId: view.agentId, mode: view.mode, phase: view.phase } : null,
      start: (agentId, mode) => void monitorRequested(agentId, mode),
      stop: () => void monitorStopped(),
    }),
    [view],
  );
};
