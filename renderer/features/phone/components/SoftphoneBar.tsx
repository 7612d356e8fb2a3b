import { t } from '../../../shared/i18n/t';
import { incomingCallCleared, trainingDialogToggled, usePhoneStore } from '../phone-store';

export type RegistrationDisplay = 'unconfigured' | 'incomplete' | 'offline';

const REGISTRATION_TEXT = {
  unconfigured: 'phone.registration.unconfigured',
  incomplete: 'phone.registration.incomplete',
  offline: 'phone.registration.offline',
} as const;

const CONTROLS = ['answer', 'hangup', 'hold', 'mute', 'transfer'] as const;

/**
 * The bar across the top. Until the softphone engine lands (issue #4) it shows the honest state of
 * the configuration; the controls are present but disabled so their place never moves.
 */
export const SoftphoneBar = ({
  registration,
  onOpenSettings,
}: {
  registration: RegistrationDisplay;
  onOpenSettings: () => void;
}) => {
  const ringing = usePhoneStore((state) => state.incoming !== null);
  const training = usePhoneStore((state) => state.incoming?.training ?? false);
  return (
    <header className="softphone" aria-label={t('phone.region')}>
      <div className="softphone__brand">{t('app.title')}</div>
      <div className={`badge badge--${registration === 'offline' ? 'warn' : 'muted'}`} data-testid="registration-state">
        {t(REGISTRATION_TEXT[registration])}
      </div>
      <div className="badge badge--muted" data-testid="agent-state">
        {t('phone.agent.signedOut')}
      </div>
      {ringing ? (
        <div className="badge badge--ringing" role="status">
          {training ? t('phone.ringing.training') : t('phone.ringing')}
        </div>
      ) : null}
      {training ? (
        <button type="button" onClick={incomingCallCleared}>
          {t('phone.training.end')}
        </button>
      ) : null}
      <div className="softphone__controls">
        {CONTROLS.map((control) => (
          <button key={control} type="button" disabled title={t('phone.controls.disabledHint')}>
            {t(`phone.controls.${control}`)}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => trainingDialogToggled(true)} title={t('phone.training.hint')}>
        {t('phone.training.open')}
      </button>
      <button type="button" className="softphone__settings" onClick={onOpenSettings}>
        {t('settings.open')}
      </button>
    </header>
  );
};
