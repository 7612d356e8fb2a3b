import { t } from '../../../shared/i18n/t';

/** Always on screen in a training profile: no trainee may take it for the live console. */
export const TrainingBanner = () => (
  <div className="training-banner" role="note" data-testid="training-banner">
    <strong>{t('training.banner.title')}</strong>
    <span>{t('training.banner.detail')}</span>
  </div>
);
