import type { HallAgent } from '../../../../preload/contract';

export interface AlertThresholds {
  /** A call longer than this many minutes: the lead may want to listen in. */
  readonly longCallMinutes: number;
  /** 示忙 longer than this. */
  readonly longNotReadyMinutes: number;
  /** A call whose estimated MOS is below this (the console's 差 grade). */
  readonly poorMos: number;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { longCallMinutes: 20, longNotReadyMinutes: 30, poorMos: 3.4 };

export type AgentAlert = 'long-call' | 'long-not-ready' | 'poor-quality' | 'unregistered';

/** What about this agent needs the lead now. */
export const agentAlerts = (agent: HallAgent, now: number, thresholds = DEFAULT_ALERT_THRESHOLDS): AgentAlert[] => {
  const alerts: AgentAlert[] = [];
  if (agent.state === 'on-call' && agent.callSince !== null && now - agent.callSince > thresholds.longCallMinutes * 60_000)
    alerts.push('long-call');
  if (agent.state === 'on-call' && agent.callMos !== null && agent.callMos < thresholds.poorMos) alerts.push('poor-quality');
  if (agent.state === 'not-ready' && now - agent.since > thresholds.longNotReadyMinutes * 60_000) alerts.push('long-not-ready');
  // Signed in but the phone is not registered: the queue cannot reach this agent, whatever the state says.
  if (agent.state !== 'signed-out' && !agent.phoneRegistered) alerts.push('unregistered');
  return alerts;
};
