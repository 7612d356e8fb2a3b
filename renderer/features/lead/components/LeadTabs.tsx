import { t } from '../../../shared/i18n/t';
import { leadTabChosen, selectIsLead, selectUnansweredHelp, useLeadStore } from '../lead-store';

/** 坐席台 | 班长台: only leads and admins see the switch at all. */
export const LeadTabs = () => {
  const isLead = useLeadStore(selectIsLead);
  const tab = useLeadStore((state) => state.tab);
  const unanswered = useLeadStore(selectUnansweredHelp);
  if (!isLead) return null;
  return (
    <nav className="lead-tabs" aria-label={t('lead.tabs')}>
      {(['desk', 'hall'] as const).map((name) => (
        <button key={name} type="button" aria-pressed={tab === name} onClick={() => leadTabChosen(name)}>
          {t(`lead.tab.${name}`)}
          {name === 'hall' && unanswered > 0 ? (
            <span className="lead-tabs__help" role="status">
              {t('lead.help.badge', { count: unanswered })}
            </span>
          ) : null}
        </button>
      ))}
    </nav>
  );
};
