import type { ReactNode } from 'react';
import { t } from '../../../shared/i18n/t';
import { Icon } from '../../../shared/ui/icons';
import { trainingCallEnded } from '../phone-controller';
import { usePhoneStore } from '../phone-store';
import { CallControls, PhoneNotice } from './CallControls';
import { CallStatus } from './CallStatus';
import { MonitorIndicator } from './MonitorIndicator';
import { MoreMenu } from './MoreMenu';
import { PhonePanels } from './PhonePanels';
import { PhonePreferencesDialog } from './PhonePreferencesDialog';
import { type RegistrationDisplay, useRegistrationText } from './RegistrationStatus';

export type { RegistrationDisplay } from './RegistrationStatus';

/**
 * The bar across the top, one row from 1366 px up: registration, agent state, the call (its text
 * shrinks and ellipsises first), the call controls (always all there, never wrapped off), then the
 * menu of occasional actions and settings.
 */
export const SoftphoneBar = ({
  registration,
  agentControl,
  onOpenSettings,
}: {
  registration: RegistrationDisplay;
  agentControl: ReactNode;
  onOpenSettings: () => void;
}) => {
  const training = usePhoneStore((store) =>
    Object.values(store.calls).some((call) => call.purpose === 'training' && call.state.kind !== 'ended'),
  );
  const protocolErrors = usePhoneStore((store) => store.protocolErrors);
  const { text, tone } = useRegistrationText(registration);
  return (
    <>
      <header className="softphone" aria-label={t('phone.region')}>
        <div className="softphone__brand">{t('app.title')}</div>
        <div
          className={`badge badge--${tone} softphone__registration`}
          data-testid="registration-state"
          title={protocolErrors > 0 ? `${text}（${t('phone.protocolErrors', { count: protocolErrors })}）` : text}
        >
          {text}
        </div>
        {agentControl}
        <CallStatus />
        <MonitorIndicator />
        {training ? (
          <button type="button" onClick={trainingCallEnded}>
            {t('phone.training.end')}
          </button>
        ) : null}
        <CallControls />
        <MoreMenu />
        <button
          type="button"
          className="softphone__settings"
          aria-label={t('settings.open')}
          title={t('settings.open')}
          onClick={onOpenSettings}
        >
          <Icon name="settings" />
        </button>
      </header>
      <PhonePanels />
      <PhoneNotice />
      <PhonePreferencesDialog />
    </>
  );
};
