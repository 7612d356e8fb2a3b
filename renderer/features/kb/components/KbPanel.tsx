import { t } from '../../../shared/i18n/t';
import { EmptyState } from '../../../shared/ui/EmptyState';

export const KbPanel = () => (
  <aside className="panel panel--right" aria-label={t('kb.region')}>
    <h2 className="panel__title">{t('kb.region')}</h2>
    <EmptyState title={t('kb.empty.title')} body={t('kb.empty.body')} />
  </aside>
);
