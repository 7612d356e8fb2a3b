import { t } from '../../../shared/i18n/t';
import { usePhoneStore } from '../phone-store';

/**
 * What the monitored agent sees. Whisper always shows 班长指导中 and barge 班长已加入通话 (the agent
 * hears the lead); silent listening shows a discreet 班长监听中 unless the centre chose to hide it.
 */
export const MonitorIndicator = () => {
  const monitor = usePhoneStore((store) => (store.monitor?.role === 'agent' ? store.monitor : null));
  if (!monitor) return null;
  if (monitor.mode === 'listen' && monitor.notice === 'hidden') return null;
  return (
    <span
      className={`softphone__monitor softphone__monitor--${monitor.mode}`}
      role="status"
      data-testid="monitor-indicator"
      title={t('phone.monitor.by', { lead: monitor.lead })}
    >
      {t(`phone.monitor.${monitor.mode}`)}
    </span>
  );
};
