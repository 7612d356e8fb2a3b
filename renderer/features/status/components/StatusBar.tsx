import { t } from '../../../shared/i18n/t';

export interface StatusBarProps {
  readonly pbxConfigured: boolean;
  readonly platformConfigured: boolean;
  readonly transport: 'electron' | 'browser-shell';
  readonly version: string;
}

export const StatusBar = ({ pbxConfigured, platformConfigured, transport, version }: StatusBarProps) => (
  <footer className="statusbar" aria-label={t('status.region')}>
    <span data-testid="status-pbx">
      {t('status.pbx')}：{pbxConfigured ? t('phone.registration.offline') : t('status.pbx.unconfigured')}
    </span>
    <span data-testid="status-platform">
      {t('status.platform')}：{platformConfigured ? t('status.platform.configured') : t('status.platform.unconfigured')}
    </span>
    <span data-testid="status-headset">
      {t('status.headset')}：{t('status.headset.none')}
    </span>
    <span className="statusbar__spacer" />
    <span>
      {transport === 'electron' ? t('status.transport.electron') : t('status.transport.browser')} · v{version}
    </span>
  </footer>
);
