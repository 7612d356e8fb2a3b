import { t } from '../../../shared/i18n/t';
import { ModalForm } from '../../../shared/ui/ModalForm';
import { FIELD_KEYS, csvDownloadHref } from '../domain/score-card-text';
import { trainingReportClosed, useTrainingStore } from '../training-store';

/** 培训报表: what the team struggles with, weakest business type first; the CSV for a spreadsheet. */
export const TrainingReportDialog = () => {
  const report = useTrainingStore((state) => state.report);
  if (!report) return null;
  return (
    <ModalForm
      title={t('training.report.title')}
      className="score-card"
      onSubmit={trainingReportClosed}
      onCancel={trainingReportClosed}
    >
      {report.attempts === 0 ? (
        <p>{t('training.report.empty')}</p>
      ) : (
        <>
          <p>{t('training.report.attempts', { count: report.attempts })}</p>
          <table className="score-card__lines" aria-label={t('training.report.byType')}>
            <thead>
              <tr>
                <th scope="col">{t('training.report.type')}</th>
                <th scope="col">{t('training.report.count')}</th>
                <th scope="col">{t('training.report.trainees')}</th>
                <th scope="col">{t('training.report.average')}</th>
                <th scope="col">{t('training.report.weakest')}</th>
              </tr>
            </thead>
            <tbody>
              {report.businessTypes.map((line) => (
                <tr key={line.businessType} data-testid="report-type">
                  <th scope="row">{line.businessType}</th>
                  <td>{line.attempts}</td>
                  <td>{line.trainees}</td>
                  <td>{line.averagePercent.toFixed(1)}%</td>
                  <td>{line.weakestField ? t(FIELD_KEYS[line.weakestField]) : t('training.report.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="score-card__lines" aria-label={t('training.report.byTrainee')}>
            <thead>
              <tr>
                <th scope="col">{t('training.report.trainee')}</th>
                <th scope="col">{t('training.report.count')}</th>
                <th scope="col">{t('training.report.average')}</th>
              </tr>
            </thead>
            <tbody>
              {report.trainees.map((line) => (
                <tr key={line.trainee}>
                  <th scope="row">{line.trainee}</th>
                  <td>{line.attempts}</td>
                  <td>{line.averagePercent.toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="dialog__actions">
        {report.attempts > 0 ? (
          <a className="button" href={csvDownloadHref(report.csv)} download="培训报表.csv">
            {t('training.report.csv')}
          </a>
        ) : null}
        <button type="submit" autoFocus>
          {t('training.card.close')}
        </button>
      </div>
    </ModalForm>
  );
};
