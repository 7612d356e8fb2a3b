import { useState } from 'react';
import { shortDateTime } from '../../../shared/format-time';
import { t } from '../../../shared/i18n/t';
import { ModalForm } from '../../../shared/ui/ModalForm';
import { quarantinedReleased, signInRequested, syncNowRequested, syncPanelClosed, useSyncStore } from '../sync-store';

export const SyncPanel = () => {
  const open = useSyncStore((state) => state.panelOpen);
  const status = useSyncStore((state) => state.status);
  const quarantined = useSyncStore((state) => state.quarantined);
  const signingIn = useSyncStore((state) => state.signingIn);
  const message = useSyncStore((state) => state.message);
  const [password, setPassword] = useState('');
  if (!open) return null;
  return (
    <ModalForm title={t('sync.panel.title')} onSubmit={() => void signInRequested(password)} onCancel={syncPanelClosed}>
      {status?.lastError ? (
        <p className="notice--error" role="alert">
          {status.lastError}
        </p>
      ) : null}
      {status?.state === 'unconfigured' ? <p className="hint">{t('sync.panel.unconfigured')}</p> : null}
      {status && status.state !== 'unconfigured' ? (
        <div className="field">
          <label htmlFor="sync-password">{t('sync.panel.password')}</label>
          <input
            id="sync-password"
            type="password"
            value={password}
            autoComplete="off"
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
      ) : null}
      {message ? (
        <p className="notice--error" role="alert">
          {message}
        </p>
      ) : null}
      <h3 className="panel__subtitle">{t('sync.panel.quarantined', { count: quarantined.length })}</h3>
      {quarantined.length === 0 ? <p className="hint">{t('sync.panel.none')}</p> : null}
      <ul className="quarantine-list" aria-label={t('sync.panel.quarantined', { count: quarantined.length })}>
        {quarantined.map((item) => (
          <li key={item.itemId}>
            <span>
              {shortDateTime(item.createdAt)} · {item.stream} · {item.recordId.slice(0, 8)}
            </span>
            <span className="notice--error">{item.error}</span>
            <button type="button" onClick={() => void quarantinedReleased(item.itemId)}>
              {t('sync.panel.retry')}
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button type="button" onClick={() => void syncNowRequested()}>
          {t('sync.panel.now')}
        </button>
        <button type="button" onClick={syncPanelClosed}>
          {t('order.close')}
        </button>
        {status && status.state !== 'unconfigured' ? (
          <button type="submit" className="primary" disabled={signingIn || password === ''}>
            {t('sync.panel.signIn')}
          </button>
        ) : null}
      </div>
    </ModalForm>
  );
};
