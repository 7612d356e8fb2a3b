import type { CallSummary } from '../../../../preload/contract';
import { t } from '../../../shared/i18n/t';
import { callDuration, shortDateTime } from '../../../shared/format-time';

export const CallList = ({ calls }: { calls: readonly CallSummary[] }) => (
  <ul className="call-list" aria-label={t('screenPop.recentCalls')}>
    {calls.map((call) => (
      <li key={call.id} className="call-item">
        <span>{shortDateTime(call.ringAt)}</span>
        <span>
          {call.answered && call.durationSeconds !== null
            ? t('screenPop.duration', { duration: callDuration(call.durationSeconds) })
            : t('screenPop.unanswered')}
        </span>
        <span>{call.agentId ? t('screenPop.agent', { agent: call.agentId }) : ''}</span>
      </li>
    ))}
  </ul>
);
