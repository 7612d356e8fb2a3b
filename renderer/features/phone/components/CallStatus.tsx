import { useEffect } from 'react';
import { t } from '../../../shared/i18n/t';
import { measureAfterPaint } from '../../../shared/perf-marks';
import { useNow } from '../../../shared/use-now';
import { talkSeconds } from '../domain/call-state';
import { MARK_INVITE, MEASURE_RING_PAINTED } from '../phone-controller';
import { type CallView, usePhoneStore } from '../phone-store';

const clock = (seconds: number) =>
  `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

const stateText = (call: CallView): string => {
  switch (call.state.kind) {
    case 'ringing':
      return t('phone.ringing');
    case 'dialing':
      return t('phone.call.dialing');
    case 'active':
      return call.state.held ? t('phone.call.held') : t('phone.call.active');
    case 'ended':
      return t('phone.call.ended');
  }
};

const OneCall = ({ call }: { call: CallView }) => {
  const now = useNow(1000, call.state.kind === 'active');
  useEffect(() => {
    if (call.state.kind === 'ringing') measureAfterPaint(MEASURE_RING_PAINTED, MARK_INVITE);
  }, [call.state.kind]);
  const quality = call.quality;
  return (
    <div
      className={`call call--${call.state.kind}`}
      data-testid={call.state.kind === 'ended' ? 'ended-call' : call.consult ? 'consult-call' : 'main-call'}
    >
      <span className={`badge ${call.state.kind === 'ringing' ? 'badge--ringing' : 'badge--muted'}`} role="status">
        {call.consult ? `${t('phone.call.consult')} · ` : ''}
        {stateText(call)}
      </span>
      <span className="call__remote" data-testid="call-remote" title={call.shownNumber ?? undefined}>
        {call.shownNumber ?? t('phone.call.identifying')}
      </span>
      <span className="call__timer" data-testid="call-timer">
        {clock(talkSeconds(call.state, now))}
      </span>
      {call.state.kind === 'active' && !call.audioFlowing ? (
        <span className="badge badge--warn">{t('phone.call.noAudio')}</span>
      ) : null}
      {quality && call.state.kind === 'active' ? (
        <span
          className={`badge badge--quality-${quality.grade}`}
          data-testid="call-quality"
          title={t('phone.quality', {
            mos: quality.mos,
            loss: quality.lossPercent,
            jitter: quality.jitterMs,
            rtt: quality.rttMs ?? '—',
          })}
        >
          {t('phone.quality.short', { mos: quality.mos })}
        </span>
      ) : null}
    </div>
  );
};

export const CallStatus = () => {
  const calls = usePhoneStore((state) => state.calls);
  const training = usePhoneStore((state) =>
    Object.values(state.calls).some((call) => call.purpose === 'training' && call.state.kind !== 'ended'),
  );
  const conference = usePhoneStore((state) => state.conference);
  return (
    <div className="softphone__calls">
      {conference ? (
        <span className="badge badge--ok" data-testid="conference">
          {t('phone.call.conference')}
        </span>
      ) : null}
      {training ? (
        <span className="badge badge--ringing" role="status">
          {t('phone.ringing.training')}
        </span>
      ) : null}
      {Object.values(calls).map((call) => (
        <OneCall key={call.id} call={call} />
      ))}
    </div>
  );
};
