import { t } from '../../../shared/i18n/t';
import { leadTabChosen, selectIsLead, useLeadStore } from '../lead-store';

/** 坐席台 | 班长台: only leads and admins see the switch at all. */
export const LeadTabs = () => {
  const isLead = useLeadStore(selectIsLead);
  const tab = useLeadStore((state) => state.tab);
  if (!isLead) return null;
  return (
    <nav className="lead-tabs" aria-label={t('lead.tabs')}>
      {(['desk', 'hall'] as const).map((name) => (
        <button key={name} type="button" aria-pressed={tab === name} onClick={() => leadTabChosen(name)}>
          {t(`lead.tab.${name}`)}
        </button>
      ))}
    </nav>
  );
};
