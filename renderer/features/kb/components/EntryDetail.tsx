import { t } from '../../../shared/i18n/t';
import { answerCited, entryClosed, useKbStore } from '../kb-store';

export const EntryDetail = ({ draftId }: { draftId: string | null }) => {
  const detail = useKbStore((state) => state.detail);
  if (!detail) return null;
  return (
    <section
      className="kb-detail"
      aria-label={detail.title}
      onKeyDown={(event) => {
        if (event.key === 'Escape') entryClosed();
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void answerCited(detail.id, draftId);
      }}
    >
      <header className="drawer__header">
        <h3>{detail.title}</h3>
        <button type="button" onClick={entryClosed}>
          {t('order.close')}
        </button>
      </header>
      <dl className="facts">
        {detail.department ? (
          <>
            <dt>{t('kb.field.department')}</dt>
            <dd>{detail.department}</dd>
          </>
        ) : null}
        {detail.timeLimit ? (
          <>
            <dt>{t('kb.field.timeLimit')}</dt>
            <dd>{detail.timeLimit}</dd>
          </>
        ) : null}
        {detail.place ? (
          <>
            <dt>{t('kb.field.place')}</dt>
            <dd>{detail.place}</dd>
          </>
        ) : null}
        {detail.phone ? (
          <>
            <dt>{t('kb.field.phone')}</dt>
            <dd>{detail.phone}</dd>
          </>
        ) : null}
      </dl>
      <p className="kb-detail__body">{detail.body}</p>
      <button type="button" className="primary" autoFocus onClick={() => void answerCited(detail.id, draftId)} title="Ctrl+Enter">
        {t('kb.cite')}
      </button>
    </section>
  );
};
