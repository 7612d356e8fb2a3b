import { useEffect, useId } from 'react';
import { t } from '../../../shared/i18n/t';
import { MARK_KEYSTROKE, MEASURE_KB_RESULTS, measureAfterPaint } from '../../../shared/perf-marks';
import { EmptyState } from '../../../shared/ui/EmptyState';
import { answerCited, entryOpened, filterChanged, queryTyped, selectionMoved, useKbStore } from '../kb-store';
import { EntryDetail } from './EntryDetail';
import { HitList } from './HitList';
import { KbImport } from './KbImport';
import { KbLearningDialog } from './KbLearningDialog';
import { REGION_IDS } from '../../../shared/ui/focus-region';

/** `draftId` is the intake draft a citation goes into; the app passes it so the features stay apart. */
export const KbPanel = ({ draftId }: { draftId: string | null }) => {
  const searchId = useId();
  const entries = useKbStore((state) => state.entries);
  const departments = useKbStore((state) => state.departments);
  const query = useKbStore((state) => state.query);
  const kind = useKbStore((state) => state.kind);
  const department = useKbStore((state) => state.department);
  const hits = useKbStore((state) => state.hits);
  const searchedQuery = useKbStore((state) => state.searchedQuery);
  const searching = useKbStore((state) => state.searching);
  const selected = useKbStore((state) => state.selected);
  const related = useKbStore((state) => state.related);
  const error = useKbStore((state) => state.error);

  useEffect(() => {
    if (searchedQuery !== '') measureAfterPaint(MEASURE_KB_RESULTS, MARK_KEYSTROKE);
  }, [hits, searchedQuery]);

  return (
    <aside id={REGION_IDS.kb} className="panel panel--right" aria-label={t('kb.region')}>
      <h2 className="panel__title">
        {t('kb.region')}
        {entries ? <span className="hint"> {t('kb.count', { count: entries.toLocaleString('zh-CN') })}</span> : null}
      </h2>
      {entries === 0 ? <EmptyState title={t('kb.empty.title')} body={t('kb.empty.body')} /> : null}
      {entries ? (
        <>
          <label htmlFor={searchId} className="visually-hidden">
            {t('kb.search.label')}
          </label>
          <input
            id={searchId}
            type="search"
            className="kb-search"
            placeholder={t('kb.search.placeholder')}
            value={query}
            autoComplete="off"
            onChange={(event) => queryTyped(event.target.value)}
            onKeyDown={(event) => {
              const current = hits[selected];
              if (event.key === 'ArrowDown') selectionMoved(1);
              else if (event.key === 'ArrowUp') selectionMoved(-1);
              else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && current)
                void answerCited(current.id, draftId);
              else if (event.key === 'Enter' && current) void entryOpened(current.id);
              else return;
              event.preventDefault();
            }}
          />
          <div className="field-row kb-filters">
            <select
              aria-label={t('kb.filter.kind')}
              value={kind ?? ''}
              onChange={(event) => filterChanged({ kind: (event.target.value || null) as 'info' | 'qa' | null })}
            >
              <option value="">{t('kb.filter.allKinds')}</option>
              <option value="info">{t('kb.kind.info')}</option>
              <option value="qa">{t('kb.kind.qa')}</option>
            </select>
            <select
              aria-label={t('kb.filter.department')}
              value={department ?? ''}
              onChange={(event) => filterChanged({ department: event.target.value || null })}
            >
              <option value="">{t('kb.filter.allDepartments')}</option>
              {departments.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          {error ? <p className="notice--error">{error}</p> : null}
          <EntryDetail draftId={draftId} />
          {query.trim() !== '' ? (
            <>
              {hits.length === 0 && searchedQuery !== '' && !searching ? (
                <p className="hint">{t('kb.noResult', { query: searchedQuery })}</p>
              ) : null}
              <HitList hits={hits} selected={selected} label={t('kb.results')} />
            </>
          ) : related.length > 0 ? (
            <>
              <h3 className="panel__subtitle">{t('kb.related')}</h3>
              <HitList hits={related} selected={null} label={t('kb.related')} />
            </>
          ) : (
            <p className="hint">{t('kb.search.hint')}</p>
          )}
        </>
      ) : null}
      {entries !== null ? <KbImport /> : null}
      <KbLearningDialog />
    </aside>
  );
};
