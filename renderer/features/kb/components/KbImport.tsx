import { useId } from 'react';
import { deskTransport } from '../../../shared/desk/desk-client';
import { t } from '../../../shared/i18n/t';
import { importChosen, learningOpened, useKbStore } from '../kb-store';

/**
 * For the county IT admin and the encyclopedia's editors: a JSON Lines file into the local
 * encyclopedia, chosen in a file picker (main's dialog in Electron, the page's own in the browser
 * shell), never a typed path; and what the search learned from citations.
 */
export const KbImport = () => {
  const id = useId();
  const importing = useKbStore((state) => state.importing);
  const report = useKbStore((state) => state.importReport);
  const importError = useKbStore((state) => state.importError);
  const learningError = useKbStore((state) => (state.learning ? null : state.learningError));
  return (
    <section className="kb-import" aria-label={t('kb.import.title')}>
      {deskTransport() === 'electron' ? (
        <button type="button" disabled={importing !== null} onClick={() => void importChosen(null)}>
          {t('kb.import.choose')}
        </button>
      ) : (
        <>
          <label htmlFor={id}>{t('kb.import.file')}</label>
          <input
            id={id}
            type="file"
            accept=".jsonl,.ndjson,.json,.txt"
            disabled={importing !== null}
            onChange={(event) => {
              const file = event.target.files?.[0] ?? null;
              event.target.value = '';
              void importChosen(file);
            }}
          />
        </>
      )}
      <button type="button" onClick={() => void learningOpened()}>
        {t('kb.learning.open')}
      </button>
      {learningError ? (
        <p role="alert" className="notice--error">
          {t('kb.learning.failed', { reason: learningError })}
        </p>
      ) : null}
      {importing ? (
        <progress aria-label={t('kb.import.progress')} max={importing.bytesTotal} value={importing.bytesRead}>
          {Math.round((importing.bytesRead / importing.bytesTotal) * 100)}%
        </progress>
      ) : null}
      {importing ? (
        <p className="hint">{t('kb.import.running', { entries: importing.entries, rejected: importing.rejected })}</p>
      ) : null}
      {importError ? (
        <p role="alert" className="notice--error">
          {importError}
        </p>
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
    </section>
  );
};
