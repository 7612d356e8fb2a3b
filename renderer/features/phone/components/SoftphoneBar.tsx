import type { ReactNode } from 'react';
import { t } from '../../../shared/i18n/t';
import { registrationLabel } from '../domain/registration';
import { incomingCallCleared, preferencesToggled, trainingDialogToggled, usePhoneStore } from '../phone-store';
import { CallControls, PhoneNotice } from './CallControls';
import { CallStatus } from './CallStatus';
import { PhonePanels } from './PhonePanels';
import { PhonePreferencesDialog } from './PhonePreferencesDialog';

export type RegistrationDisplay = 'unconfigured' | 'incomplete' | 'offline';

const CONFIG_TEXT = {
  unconfigured: 'phone.registration.unconfigured',
  incomplete: 'phone.registration.incomplete',
  offline: 'phone.registration.offline',
} as const;

/** The bar across the top: registration, agent state, the call and its controls. */
export const SoftphoneBar = ({
  registration,
  agentControl,
  onOpenSettings,
}: {
  registration: RegistrationDisplay;
  agentControl: ReactNode;
  onOpenSettings: () => void;
}) => {
  const state = usePhoneStore((store) => store.registration);
  const training = usePhoneStore((store) => store.incoming?.training ?? false);
  const protocolErrors = usePhoneStore((store) => store.protocolErrors);
  const hasPreferences = usePhoneStore((store) => store.preferences !== null);
  const blockedOrigin = usePhoneStore((store) => (store.registration.kind === 'registered' ? null : store.blockedOrigin));
  // Until the engine has tried, the configuration's own state is the honest answer.
  const text = blockedOrigin
    ? t(blockedOrigin.afterReload ? 'phone.registration.blockedAfterReload' : 'phone.registration.blocked', {
        origin: blockedOrigin.origin,
      })
    : state.kind === 'idle' || registration !== 'offline'
      ? t(CONFIG_TEXT[registration])
      : registrationLabel(state);
  const tone =
    state.kind === 'registered' ? 'ok' : blockedOrigin || state.kind === 'failed' || state.kind === 'waiting' ? 'warn' : 'muted';
  return (
    <>
      <header className="softphone" aria-label={t('phone.region')}>
        <div className="softphone__brand">{t('app.title')}</div>
        <div
          className={`badge badge--${tone}`}
          data-testid="registration-state"
          title={protocolErrors > 0 ? t('phone.protocolErrors', { count: protocolErrors }) : undefined}
        >
          {text}
        </div>
        {agentControl}
        <CallStatus />
        {training ? (
          <button type="button" onClick={incomingCallCleared}>
            {t('phone.training.end')}
          </button>
        ) : null}
        <CallControls />
        <button type="button" onClick={() => trainingDialogToggled(true)} title={t('phone.training.hint')}>
          {t('phone.training.open')}
        </button>
        <button type="button" onClick={() => preferencesToggled(true)} disabled={!hasPreferences}>
          {t('phone.prefs.open')}
        </button>
        <button type="button" className="softphone__settings" onClick={onOpenSettings}>
          {t('settings.open')}
        </button>
      </header>
      <PhonePanels />
      <PhoneNotice />
      <PhonePreferencesDialog />
    </>
  );
};
