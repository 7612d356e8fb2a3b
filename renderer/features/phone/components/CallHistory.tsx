import { callDuration, shortDateTime } from '../../../shared/format-time';
import { type MessageKey, t } from '../../../shared/i18n/t';
import { callHistoryRevealRequested, dialRequested } from '../phone-controller';
import { usePhoneStore } from '../phone-store';

const CAUSES: Readonly<Record<string, MessageKey>> = {
  agent_hangup: 'phone.cause.agent_hangup',
  caller_hangup: 'phone.cause.caller_hangup',
  rejected: 'phone.cause.rejected',
  missed: 'phone.cause.missed',
  abandoned: 'phone.cause.abandoned',
  transferred: 'phone.cause.transferred',
  failed: 'phone.cause.failed',
};

const seconds = (from: string | null, to: string | null) =>
  from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : 0;

/** 通话记录: unanswered calls stand out, and every number can be called back from here. */
export const CallHistory = () => {
  const calls = usePhoneStore((state) => state.recentCalls);
  const revealed = usePhoneStore((state) => state.revealedNumbers);
  const registered = usePhoneStore((state) => state.registration.kind === 'registered');
  if (calls.length === 0) return <p className="hint">{t('phone.history.empty')}</p>;
  return (
    <ul className="call-history" aria-label={t('phone.history.title')}>
      {calls.map((call) => (
        <li key={call.id} className={call.answerAt ? 'call-history__row' : 'call-history__row call-history__row--unanswered'}>
          <span>{shortDateTime(call.ringAt)}</span>
          <span>
            {call.purpose === 'training'
              ? t('phone.history.training')
              : t(call.direction === 'inbound' ? 'phone.call.inbound' : 'phone.call.outbound')}
          </span>
          <span className="call-history__number">{revealed[call.id] ?? call.remoteNumber ?? '—'}</span>
          <span>
            {call.endCause ? (CAUSES[call.endCause] ? t(CAUSES[call.endCause]!) : call.endCause) : t('phone.call.active')}
          </span>
          <span>{call.answerAt ? callDuration(seconds(call.answerAt, call.endAt)) : t('phone.history.unanswered')}</span>
          {call.transferTarget ? <span>{t('phone.history.transferredTo', { target: call.transferTarget })}</span> : null}
          {call.masked && !revealed[call.id] ? (
            <button
              type="button"
              className="link-button"
              title={t('screenPop.revealHint')}
              onClick={() => void callHistoryRevealRequested(call.id)}
            >
              {t('screenPop.reveal')}
            </button>
          ) : call.remoteNumber && call.purpose !== 'training' ? (
            <button
              type="button"
              className="link-button"
              disabled={!registered}
              onClick={() => void dialRequested(revealed[call.id] ?? call.remoteNumber!)}
            >
              {t('screenPop.callBack')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
};
