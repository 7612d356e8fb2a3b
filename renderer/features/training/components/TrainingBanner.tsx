import { t } from '../../../shared/i18n/t';
import { scoreCardClosed, trainingReportOpened, useTrainingStore } from '../training-store';

/** Always on screen in a training profile: no trainee may take it for the live console. */
export const TrainingBanner = () => {
  const notice = useTrainingStore((state) => state.notice);
  return (
    <div className="training-banner" role="note" data-testid="training-banner">
      <strong>{t('training.banner.title')}</strong>
      <span className="training-banner__detail">{t('training.banner.detail')}</span>
      {notice ? (
        <span className="training-banner__notice" role="status">
          {notice}
          <button type="button" onClick={scoreCardClosed} aria-label={t('training.notice.dismiss')}>
            ×
          </button>
        </span>
      ) : null}
      <button type="button" className="training-banner__report" onClick={() => void trainingReportOpened()}>
        {t('training.report.open')}
      </button>
    </div>
  );
};
