import { t } from '../../../shared/i18n/t';

import type { ReactNode } from 'react';

export interface StatusBarProps {
  /** 话务：…, rendered by the phone feature from the same state as the badge in the bar. */
  readonly pbx: ReactNode;
  /** The platform's sync state, rendered by the sync feature. */
  readonly platform: ReactNode;
  /** 耳机：…, rendered by the headset feature. */
  readonly headset: ReactNode;
  /** 锁屏, rendered by the lock feature. */
  readonly lock?: ReactNode;
  readonly transport: 'electron' | 'browser-shell';
  readonly version: string;
}

export const StatusBar = ({ pbx, platform, headset, lock, transport, version }: StatusBarProps) => (
  <footer className="statusbar" aria-label={t('status.region')}>
    {pbx}
    {platform}
    {headset}
    <span className="statusbar__spacer" />
    {lock}
    <span>
      {transport === 'electron' ? t('status.transport.electron') : t('status.transport.browser')} · v{version}
    </span>
  </footer>
);
