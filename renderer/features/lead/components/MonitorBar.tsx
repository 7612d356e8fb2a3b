import { useEffect } from 'react';
import type { HallAgent } from '../../../../preload/contract';
import type { MonitorMode } from '../../../../preload/contract/monitor-contract';
import { t } from '../../../shared/i18n/t';
import { MONITOR_MODE_ORDER, monitorShortcut } from '../domain/monitor-keys';

/** The lead's monitoring session as the phone runs it; renderer/app hands it in (features meet there). */
export interface LeadMonitorControls {
  readonly session: {
    readonly agentId: string;
    readonly mode: MonitorMode;
    readonly phase: 'connecting' | 'active' | 'switching';
  } | null;
  start(agentId: string, mode: MonitorMode): void;
  stop(): void;
}

/** 监听 / 耳语 / 强插 for one agent: starts a session, or switches the one running with this agent. */
export const MonitorButtons = ({ agent, monitor }: { agent: HallAgent; monitor: LeadMonitorControls }) => {
  const session = monitor.session;
  const mine = session?.agentId === agent.agentId;
  if (agent.state !== 'on-call' && !mine) return null;
  return (
    <span className="lead-monitor-buttons" role="group" aria-label={t('lead.monitor.for', { agent: agent.agentId })}>
      {MONITOR_MODE_ORDER.map((mode) => (
        <button
          key={mode}
          type="button"
          aria-pressed={mine ? session.mode === mode : undefined}
          disabled={(session !== null && !mine) || (mine && session.phase !== 'active')}
          onClick={() => monitor.start(agent.agentId, mode)}
        >
          {t(`lead.monitor.mode.${mode}`)}
        </button>
      ))}
    </span>
  );
};

/**
 * The session at the top of the hall while it lasts: whom, the mode, the three modes and 结束.
 * Alt+1 / Alt+2 / Alt+3 switch mode, Alt+0 ends it, wherever the focus is in the hall.
 */
export const MonitorBar = ({ monitor }: { monitor: LeadMonitorControls }) => {
  const session = monitor.session;
  useEffect(() => {
    if (!session) return undefined;
    const onKey = (event: KeyboardEvent) => {
      const action = monitorShortcut(event);
      if (action === null) return;
      event.preventDefault();
      if (action === 'stop') monitor.stop();
      else monitor.start(session.agentId, action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, monitor]);
  if (!session) return null;
  return (
    <section className="lead-monitor" aria-label={t('lead.monitor.title')} data-testid="monitor-bar">
      <strong role="status">
        {session.phase === 'connecting'
          ? t('lead.monitor.connecting', { agent: session.agentId })
          : t('lead.monitor.current', { agent: session.agentId, mode: t(`lead.monitor.mode.${session.mode}`) })}
      </strong>
      {MONITOR_MODE_ORDER.map((mode, index) => (
        <button
          key={mode}
          type="button"
          aria-pressed={session.mode === mode}
          disabled={session.phase !== 'active'}
          title={`Alt+${index + 1}`}
          onClick={() => monitor.start(session.agentId, mode)}
        >
          {t(`lead.monitor.mode.${mode}`)}
        </button>
      ))}
      <button type="button" className="lead-monitor__stop" title="Alt+0" onClick={monitor.stop}>
        {t('lead.monitor.stop')}
      </button>
    </section>
  );
};
