import { t } from '../../../shared/i18n/t';
import { registrationLabel } from '../domain/registration';
import { usePhoneStore } from '../phone-store';

export type RegistrationDisplay = 'unconfigured' | 'incomplete' | 'offline';

const CONFIG_TEXT = {
  unconfigured: 'phone.registration.unconfigured',
  incomplete: 'phone.registration.incomplete',
  offline: 'phone.registration.offline',
} as const;

/**
 * The one answer to "is the phone registered", for the badge in the bar and 话务 in the status bar
 * alike (they used to disagree). Until the engine has tried, the configuration's own state is the
 * honest answer.
 */
export const useRegistrationText = (configured: RegistrationDisplay): { text: string; tone: 'ok' | 'warn' | 'muted' } => {
  const state = usePhoneStore((store) => store.registration);
  const blockedOrigin = usePhoneStore((store) => (store.registration.kind === 'registered' ? null : store.blockedOrigin));
  const text = blockedOrigin
    ? t(blockedOrigin.afterReload ? 'phone.registration.blockedAfterReload' : 'phone.registration.blocked', {
        origin: blockedOrigin.origin,
      })
    : state.kind === 'idle' || configured !== 'offline'
      ? t(CONFIG_TEXT[configured])
      : registrationLabel(state);
  const tone =
    state.kind === 'registered' ? 'ok' : blockedOrigin || state.kind === 'failed' || state.kind === 'waiting' ? 'warn' : 'muted';
  return { text, tone };
};

/** 话务：… in the status bar. */
export const RegistrationStatus = ({ configured }: { configured: RegistrationDisplay }) => {
  const { text } = useRegistrationText(configured);
  return (
    <span data-testid="status-pbx" title={text}>
      {t('status.pbx')}：{text}
    </span>
  );
};
