import { t } from '../../../shared/i18n/t';
import { EmptyState } from '../../../shared/ui/EmptyState';

export const CallerPanel = () => (
  <aside className="panel panel--left" aria-label={t('screenPop.region')}>
    <h2 className="panel__title">{t('screenPop.region')}</h2>
    <EmptyState title={t('screenPop.empty.title')} body={t('screenPop.empty.body')} />
  </aside>
);
