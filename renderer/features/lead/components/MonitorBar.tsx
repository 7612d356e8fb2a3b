import type { HallAgent } from '../../../../preload/contract';
import type { MonitorMode } from '../../../../preload/contract/monitor-contract';
import { t } from '../../../shared/i18n/t';
import { MONITOR_MODE_ORDER } from '../domain/monitor-modes';

/** The lead's monitoring session as the phone runs it; renderer/app hands it in (features meet there). */
export interface LeadMonitorControls {
  readonly session: {
    readonly agentId: string;
    readonly mode: MonitorMode;
    readonly phase: 'connecting' | 'active' | 'switching';
  } | null;
  /** The keys bound to each mode and to 结束 (phone preferences): shown on the buttons. */
  readonly shortcuts: Readonly<Record<MonitorMode | 'stop', string>>;
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

/** The session at the top of the hall while it lasts: whom, the mode, the three modes and 结束, each with its key. */
export const MonitorBar = ({ monitor }: { monitor: LeadMonitorControls }) => {
  const session = monitor.session;
  if (!session) return null;
  return (
    <section className="lead-monitor" aria-label={t('lead.monitor.title')} data-testid="monitor-bar">
      <strong role="status">
        {session.phase === 'connecting'
          ? t('lead.monitor.connecting', { agent: session.agentId })
          : t('lead.monitor.current', { agent: session.agentId, mode: t(`lead.monitor.mode.${session.mode}`) })}
      </strong>
      {MONITOR_MODE_ORDER.map((mode) => (
        <button
          key={mode}
          type="button"
          aria-pressed={session.mode === mode}
          disabled={session.phase !== 'active'}
          title={monitor.shortcuts[mode]}
          onClick={() => monitor.start(session.agentId, mode)}
        >
          {t(`lead.monitor.mode.${mode}`)}
        </button>
      ))}
      <button type="button" className="lead-monitor__stop" title={monitor.shortcuts.stop} onClick={monitor.stop}>
        {t('lead.monitor.stop')}
      </button>
    </section>
  );
};
