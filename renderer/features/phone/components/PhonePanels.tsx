import { useState } from 'react';
import { t } from '../../../shared/i18n/t';
import {
  attendedTransferCompleted,
  blindTransferRequested,
  conferenceStarted,
  dialRequested,
  digitPressed,
  emergencyTransferRequested,
} from '../phone-controller';
import { selectConsultCall, usePhoneStore } from '../phone-store';
import { CallHistory } from './CallHistory';

const NO_TARGETS: readonly string[] = [];
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** Dial pad, transfer and 外呼: one small panel under the bar, local input state only. */
export const PhonePanels = () => {
  const panel = usePhoneStore((state) => state.panel);
  const consult = usePhoneStore(selectConsultCall);
  const emergency = usePhoneStore((state) => state.preferences?.emergencyTargets ?? NO_TARGETS);
  const [number, setNumber] = useState('');
  if (panel === 'none') return null;
  if (panel === 'history') {
    return (
      <div className="phone-panel phone-panel--list" role="region" aria-label={t('phone.history.title')}>
        <CallHistory />
      </div>
    );
  }
  if (panel === 'dtmf') {
    return (
      <div className="phone-panel" role="group" aria-label={t('phone.controls.keypad')}>
        {KEYS.map((key) => (
          <button key={key} type="button" onClick={() => digitPressed(key)}>
            {key}
          </button>
        ))}
      </div>
    );
  }
  const label = panel === 'dial' ? t('phone.dial.number') : t('phone.transfer.target');
  return (
    <form
      className="phone-panel"
      onSubmit={(event) => {
        event.preventDefault();
        void (panel === 'dial' ? dialRequested(number) : blindTransferRequested(number));
      }}
    >
      <label>
        {label}
        <input value={number} onChange={(event) => setNumber(event.target.value)} inputMode="tel" autoFocus />
      </label>
      {panel === 'dial' ? (
        <button type="submit">{t('phone.dial.call')}</button>
      ) : (
        <>
          <button type="submit">{t('phone.transfer.blind')}</button>
          <button type="button" onClick={() => void dialRequested(number)} disabled={consult !== null}>
            {t('phone.transfer.consult')}
          </button>
          <button type="button" onClick={() => void attendedTransferCompleted()} disabled={consult?.state.kind !== 'active'}>
            {t('phone.transfer.complete')}
          </button>
          <button type="button" onClick={() => void conferenceStarted()} disabled={consult?.state.kind !== 'active'}>
            {t('phone.transfer.conference')}
          </button>
          {emergency.map((target) => (
            <button key={target} type="button" className="button--danger" onClick={() => void emergencyTransferRequested(target)}>
              {t('phone.transfer.emergency', { number: target })}
            </button>
          ))}
        </>
      )}
    </form>
  );
};
