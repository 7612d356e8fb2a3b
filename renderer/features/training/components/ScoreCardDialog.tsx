import { t } from '../../../shared/i18n/t';
import { ModalForm } from '../../../shared/ui/ModalForm';
import { FIELD_KEYS, VERDICT_KEYS, formatSeconds } from '../domain/score-card-text';
import { scoreCardClosed, useTrainingStore } from '../training-store';

/** 培训评分: shown after each training order, field by field. */
export const ScoreCardDialog = () => {
  const card = useTrainingStore((state) => state.card);
  if (!card) return null;
  const times = [
    ['training.time.answer', card.times.answerS],
    ['training.time.talk', card.times.talkS],
    ['training.time.wrapUp', card.times.wrapUpS],
  ] as const;
  return (
    <ModalForm title={t('training.card.title')} className="score-card" onSubmit={scoreCardClosed} onCancel={scoreCardClosed}>
      <p className="score-card__scenario">
        {t('training.card.scenario', { title: card.scenarioTitle, type: card.businessType })}
      </p>
      <p className="score-card__total" data-testid="score-total">
        {t('training.card.total', { points: card.points, max: card.max })}
      </p>
      <table className="score-card__lines">
        <thead>
          <tr>
            <th scope="col">{t('training.card.item')}</th>
            <th scope="col">{t('training.card.verdict')}</th>
            <th scope="col">{t('training.card.expected')}</th>
            <th scope="col">{t('training.card.given')}</th>
            <th scope="col">{t('training.card.points')}</th>
          </tr>
        </thead>
        <tbody>
          {card.lines.map((line) => (
            <tr key={line.field} data-testid={`score-${line.field}`} className={`score-card__line--${line.verdict}`}>
              <th scope="row">{t(FIELD_KEYS[line.field])}</th>
              <td>{t(VERDICT_KEYS[line.verdict])}</td>
              <td>{line.expected}</td>
              <td>{line.given || t('training.card.none')}</td>
              <td>
                {line.points}/{line.max}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="score-card__facts" aria-label={t('training.card.facts')}>
        {card.keyFacts.map((fact) => (
          <li key={fact.label} data-testid="score-fact" data-found={fact.found}>
            {fact.found ? t('training.fact.found', { label: fact.label }) : t('training.fact.missing', { label: fact.label })}
          </li>
        ))}
      </ul>
      <p className="score-card__times">
        {times.map(([key, seconds]) => (
          <span key={key}>{t(key, { time: formatSeconds(seconds) ?? t('training.time.unknown') })}</span>
        ))}
      </p>
      <div className="dialog__actions">
        <button type="submit" autoFocus>
          {t('training.card.close')}
        </button>
      </div>
    </ModalForm>
  );
};
