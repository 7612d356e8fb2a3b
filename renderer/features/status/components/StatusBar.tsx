import { t } from '../../../shared/i18n/t';

import type { ReactNode } from 'react';

export interface StatusBarProps {
  readonly pbxConfigured: boolean;
  /** The platform's sync state, rendered by the sync feature. */
  readonly platform: ReactNode;
  readonly transport: 'electron' | 'browser-shell';
  readonly version: string;
}

export const StatusBar = ({ pbxConfigured, platform, transport, version }: StatusBarProps) => (
  <footer className="statusbar" aria-label={t('status.region')}>
    <span data-testid="status-pbx">
      {t('status.pbx')}：{pbxConfigured ? t('phone.registration.offline') : t('status.pbx.unconfigured')}
    </span>
    {platform}
    <span data-testid="status-headset">
      {t('status.headset')}：{t('status.headset.none')}
    </span>
    <span className="statusbar__spacer" />
    <span>
      {transport === 'electron' ? t('status.transport.electron') : t('status.transport.browser')} · v{version}
    </span>
  </footer>
);
