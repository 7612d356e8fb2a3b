import { useEffect, useRef } from 'react';
import { t } from '../../../shared/i18n/t';
import { secretTyped, unlockSubmitted, useLockStore } from '../lock-store';

export type LockCallNotice = 'none' | 'ringing' | 'talking';

/**
 * All a locked console shows: that it is locked, whether a call is waiting, and where to type the
 * PIN. No caller, order or encyclopedia text is rendered behind it (the console is unmounted).
 */
export const LockScreen = ({ call }: { call: LockCallNotice }) => {
  const secret = useLockStore((state) => state.secret);
  const error = useLockStore((state) => state.error);
  const checking = useLockStore((state) => state.checking);
  const credentials = useLockStore((state) => state.status?.credentials);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const hint =
    credentials?.pin && credentials.platformPassword
      ? t('lock.hint.both')
      : credentials?.pin
        ? t('lock.hint.pin')
        : t('lock.hint.platformPassword');
  return (
    <main className="lock-screen" aria-label={t('lock.title')}>
      <form
        className="lock-screen__card"
        onSubmit={(event) => {
          event.preventDefault();
          void unlockSubmitted();
        }}
      >
        <h1>{t('lock.title')}</h1>
        <p className="hint">{t('lock.why')}</p>
        {call !== 'none' ? (
          <p className="lock-screen__call" role="status">
            {t(call === 'ringing' ? 'lock.call.ringing' : 'lock.call.talking')}
          </p>
        ) : null}
        <label>
          {t('lock.secret')}
          <input
            ref={input}
            type="password"
            autoComplete="off"
            value={secret}
            maxLength={128}
            onChange={(event) => secretTyped(event.target.value)}
          />
        </label>
        <p className="hint">{hint}</p>
        {error ? (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={checking}>
          {t('lock.unlock')}
        </button>
      </form>
    </main>
  );
};
