import { t } from '../../../shared/i18n/t';
import { useHeadsetStore } from '../headset-store';

/** 耳机：the model in use, or why there is none (unplugged, no permission, a library missing). */
export const HeadsetIndicator = () => {
  const status = useHeadsetStore((state) => state.status);
  const text =
    status.state === 'connected'
      ? (status.model ?? '')
      : status.state === 'unavailable'
        ? `${t('status.headset.unavailable')}${status.detail ? `（${status.detail}）` : ''}`
        : `${t('status.headset.none')}${status.detail ? `（${status.detail}）` : ''}`;
  return (
    <span data-testid="status-headset" data-state={status.state} title={status.detail ?? undefined}>
      {t('status.headset')}：{text}
    </span>
  );
};
