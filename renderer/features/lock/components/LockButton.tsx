import { t } from '../../../shared/i18n/t';
import { lockEngaged, selectLocked, useLockStore } from '../lock-store';

/** For an agent leaving the desk now, without waiting for the idle minutes. */
export const LockButton = () => {
  // Said next to the button: a click that silently did nothing would be clicked again and again.
  const refused = useLockStore((state) => (!selectLocked(state) ? state.error : null));
  return (
    <span>
      <button type="button" className="link-button" onClick={() => void lockEngaged('manual')}>
        {t('lock.now')}
      </button>
      {refused ? (
        <span className="lock-refused" role="alert">
          {refused}
        </span>
      ) : null}
    </span>
  );
};
