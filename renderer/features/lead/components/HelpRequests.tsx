import type { HallAgent, HelpRequest } from '../../../../preload/contract';
import { t } from '../../../shared/i18n/t';
import { helpQueue } from '../domain/help-queue';
import { helpAnswered, useLeadStore } from '../lead-store';
import { type LeadMonitorControls, MonitorButtons } from './MonitorBar';

const clock = (ms: number): string => {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

/** The call as it stands now: still on it (the grid says on-call) with its length, or ended. */
const callLine = (request: HelpRequest, stillOnCall: boolean, now: number): string => {
  if (request.callSince === null) return t('lead.help.noCall');
  const caller = request.callerMasked ?? '—';
  return request.callInProgress && stillOnCall
    ? t('lead.help.onCall', { caller, duration: clock(now - request.callSince) })
    : t('lead.help.afterCall', { caller });
};

/**
 * Raised hands (求助), at the top of the hall: who, how long ago, which call and caller, the note.
 * 已收到 tells the agent at once; 已处理 closes it. The buttons are plain buttons: Tab and Enter work.
 */
export const HelpRequests = ({
  requests,
  agents,
  now,
  monitor,
}: {
  requests: readonly HelpRequest[];
  agents: readonly HallAgent[];
  now: number;
  monitor?: LeadMonitorControls | undefined;
}) => {
  const byId = new Map(agents.map((agent) => [agent.agentId, agent]));
  const onCall = new Set(agents.filter((agent) => agent.state === 'on-call').map((agent) => agent.agentId));
  const answering = useLeadStore((state) => state.helpAnswering);
  const error = useLeadStore((state) => state.helpError);
  const queue = helpQueue(requests);
  return (
    <section className="lead-help" aria-label={t('lead.help.title')}>
      <h3>{t('lead.help.count', { count: queue.length })}</h3>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {queue.length === 0 ? <p className="lead-help__none">{t('lead.help.none')}</p> : null}
      <ul>
        {queue.map((request) => (
          <li key={request.id} className={`lead-help__item lead-help__item--${request.status}`} data-help={request.agentId}>
            <strong>{request.agentId}</strong>
            <span>{t('lead.help.ago', { duration: clock(now - request.raisedAt) })}</span>
            <span>{callLine(request, onCall.has(request.agentId), now)}</span>
            <span className="lead-help__note">{request.note ?? t('lead.help.noNote')}</span>
            {request.status === 'acknowledged' ? <span className="badge">{t('lead.help.acknowledged')}</span> : null}
            {monitor && byId.get(request.agentId) ? (
              <MonitorButtons agent={byId.get(request.agentId)!} monitor={monitor} />
            ) : null}
            {request.status === 'raised' ? (
              <button
                type="button"
                disabled={answering === request.id}
                onClick={() => void helpAnswered(request.id, 'acknowledge')}
              >
                {t('lead.help.acknowledge')}
              </button>
            ) : null}
            <button type="button" disabled={answering === request.id} onClick={() => void helpAnswered(request.id, 'resolve')}>
              {t('lead.help.resolve')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
};
