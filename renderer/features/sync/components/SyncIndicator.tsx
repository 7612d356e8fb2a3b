import { timeOfDay } from '../../../shared/format-time';
import { type MessageKey, t } from '../../../shared/i18n/t';
import { syncTone, waitingFor } from '../domain/sync-summary';
import { syncPanelOpened, useSyncStore } from '../sync-store';

const STREAM_LABEL: Readonly<Record<string, MessageKey>> = {
  kb_entries: 'sync.stream.kb',
  work_orders: 'sync.stream.orders',
  callers: 'sync.stream.callers',
  kb_synonyms: 'sync.stream.synonyms',
  holidays: 'sync.stream.holidays',
};

/** The platform part of the status bar: state, items waiting and their age, last success, refusals. */
export const SyncIndicator = () => {
  const status = useSyncStore((state) => state.status);
  if (!status) return <span data-testid="status-platform">{t('status.platform')}：…</span>;
  const waiting = waitingFor(status.oldestPendingAt, new Date());
  const parts = [t(`sync.state.${status.state}` as MessageKey)];
  if (status.state !== 'unconfigured')
    parts.push(
      t('sync.pending', { count: status.pending }) + (waiting && status.pending > 0 ? t('sync.oldest', { age: waiting }) : ''),
    );
  if (status.lastSuccessAt) parts.push(t('sync.lastSuccess', { at: timeOfDay(status.lastSuccessAt) }));
  if (status.quarantined > 0) parts.push(t('sync.quarantined', { count: status.quarantined }));
  const pulling = status.pulling;
  return (
    <button
      type="button"
      className={`sync-indicator sync-indicator--${syncTone(status)}`}
      data-testid="status-platform"
      title={status.lastError ?? ''}
      onClick={() => void syncPanelOpened()}
    >
      {t('status.platform')}：{parts.join(' · ')}
      {pulling && pulling.remaining !== null && pulling.remaining > 0 ? (
        <>
          {' '}
          {t(STREAM_LABEL[pulling.stream] ?? 'sync.stream.other')}
          <progress aria-label={t('sync.download')} max={pulling.applied + pulling.remaining} value={pulling.applied} />
        </>
      ) : null}
    </button>
  );
};
