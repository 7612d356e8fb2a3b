import { useId, useState } from 'react';
import { t } from '../../../shared/i18n/t';
import { importRequested, useKbStore } from '../kb-store';

/** For the county IT admin: a JSON Lines file on this PC (or a share) into the local encyclopedia. */
export const KbImport = () => {
  const [path, setPath] = useState('');
  const id = useId();
  const importing = useKbStore((state) => state.importing);
  const report = useKbStore((state) => state.importReport);
  return (
    <form
      className="kb-import"
      aria-label={t('kb.import.title')}
      onSubmit={(event) => {
        event.preventDefault();
        void importRequested(path.trim());
      }}
    >
      <label htmlFor={id}>{t('kb.import.path')}</label>
      <div className="field-row">
        <input id={id} value={path} onChange={(event) => setPath(event.target.value)} placeholder="/data/kb/entries.jsonl" />
        <button type="submit" disabled={importing !== null || path.trim() === ''}>
          {t('kb.import.start')}
        </button>
      </div>
      {importing ? (
        <progress aria-label={t('kb.import.progress')} max={importing.bytesTotal} value={importing.bytesRead}>
          {Math.round((importing.bytesRead / importing.bytesTotal) * 100)}%
        </progress>
      ) : null}
      {importing ? (
        <p className="hint">{t('kb.import.running', { entries: importing.entries, rejected: importing.rejected })}</p>
      ) : null}
      {report ? (
        <div role="status" className="hint">
          {t('kb.import.done', {
            inserted: report.inserted,
            updated: report.updated,
            deleted: report.deleted,
            rejected: report.rejected,
            seconds: report.seconds.toFixed(1),
          })}
          {report.problems.length > 0 ? (
            <ul className="kb-import__problems">
              {report.problems.slice(0, 20).map((problem) => (
                <li key={problem.line}>{t('kb.import.problem', { line: problem.line, message: problem.message })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
};
