import { t } from '../../../shared/i18n/t';
import { headsetChoices, headsetChosen, useHeadsetStore } from '../headset-store';

/** 耳机：the model in use, or why there is none (unplugged, no permission, a library missing). */
export const HeadsetIndicator = () => {
  const status = useHeadsetStore((state) => state.status);
  const choices = headsetChoices(status);
  const text =
    status.state === 'connected'
      ? (status.model ?? '')
      : status.state === 'unavailable'
        ? `${t('status.headset.unavailable')}${status.detail ? `（${status.detail}）` : ''}`
        : `${t('status.headset.none')}${status.detail ? `（${status.detail}）` : ''}`;
  return (
    <>
      <span data-testid="status-headset" data-state={status.state} title={status.detail ?? undefined}>
        {t('status.headset')}：{text}
      </span>
      {choices.length > 0 && (
        <select
          className="headset-choice"
          aria-label={t('status.headset.choose')}
          value={status.chosen ?? ''}
          onChange={(event) => void headsetChosen(event.target.value || null)}
        >
          <option value="">{t('status.headset.auto')}</option>
          {choices.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
        </select>
      )}
    </>
  );
};
