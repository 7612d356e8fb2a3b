import type { ReactNode } from 'react';
import { t } from '../../../shared/i18n/t';
import { EmptyState } from '../../../shared/ui/EmptyState';

/** `banner` lets the app put the setup checklist above the form without the features knowing each other. */
export const IntakePanel = ({ banner }: { banner?: ReactNode }) => (
  <main className="panel panel--centre" aria-label={t('intake.region')}>
    {banner}
    <h2 className="panel__title">{t('intake.region')}</h2>
    <EmptyState title={t('intake.empty.title')} body={t('intake.empty.body')} />
  </main>
);
