import { t } from '../../../shared/i18n/t';
import { ModalForm } from '../../../shared/ui/ModalForm';
import { aliasRemoved, learningClosed, useKbStore } from '../kb-store';

/** For the encyclopedia's editors: what agents' citations taught the search, and what found nothing. */
export const KbLearningDialog = () => {
  const learning = useKbStore((state) => state.learning);
  const error = useKbStore((state) => state.learningError);
  if (!learning) return null;
  return (
    <ModalForm title={t('kb.learning.title')} className="kb-learning" onSubmit={learningClosed} onCancel={learningClosed}>
      <p className="hint">{t('kb.learning.intro')}</p>
      {error ? (
        <p role="alert" className="notice--error">
          {error}
        </p>
      ) : null}
      <h3>{t('kb.learning.aliases')}</h3>
      {learning.aliases.length === 0 ? (
        <p>{t('kb.learning.noAliases')}</p>
      ) : (
        <table className="kb-learning__table" aria-label={t('kb.learning.aliases')}>
          <thead>
            <tr>
              <th scope="col">{t('kb.learning.query')}</th>
              <th scope="col">{t('kb.learning.entry')}</th>
              <th scope="col">{t('kb.learning.region')}</th>
              <th scope="col">{t('kb.learning.citations')}</th>
              <th scope="col">{t('kb.learning.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('kb.learning.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {learning.aliases.map((alias) => (
              <tr key={`${alias.queryKey}|${alias.regionCode}|${alias.entryId}`} data-testid="learned-alias">
                <th scope="row">{alias.queryKey}</th>
                <td>{alias.title ?? alias.entryId}</td>
                <td>{alias.regionCode || t('kb.learning.allRegions')}</td>
                <td>{alias.citations}</td>
                <td>
                  {alias.removedAt ? t('kb.learning.removed') : alias.active ? t('kb.learning.active') : t('kb.learning.pending')}
                </td>
                <td>
                  {alias.removedAt ? null : (
                    <button
                      type="button"
                      aria-label={t('kb.learning.removeLabel', { query: alias.queryKey, title: alias.title ?? alias.entryId })}
                      onClick={() => void aliasRemoved(alias)}
                    >
                      {t('kb.learning.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('kb.learning.unanswered')}</h3>
      {learning.unanswered.length === 0 ? (
        <p>{t('kb.learning.noUnanswered')}</p>
      ) : (
        <table className="kb-learning__table" aria-label={t('kb.learning.unanswered')}>
          <thead>
            <tr>
              <th scope="col">{t('kb.learning.query')}</th>
              <th scope="col">{t('kb.learning.count')}</th>
            </tr>
          </thead>
          <tbody>
            {learning.unanswered.map((line) => (
              <tr key={line.query}>
                <th scope="row">{line.query}</th>
                <td>{line.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog__actions">
        <button type="submit">{t('kb.learning.close')}</button>
      </div>
    </ModalForm>
  );
};
