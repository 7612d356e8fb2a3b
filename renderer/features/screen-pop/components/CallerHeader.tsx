import type { ScreenPop } from '../../../../preload/contract';
import { t } from '../../../shared/i18n/t';
import { numberRevealRequested } from '../screen-pop-store';

const DIALABLE = new Set(['mobile', 'landline', 'service']);

export const CallerHeader = ({
  pop,
  revealedNumber,
  onCallBack,
}: {
  pop: ScreenPop;
  revealedNumber: string | null;
  onCallBack?: ((number: string) => void) | undefined;
}) => {
  const { number, caller } = pop;
  if (number.kind === 'withheld') {
    return (
      <div className="caller-header caller-header--withheld" data-testid="caller-number">
        {t('screenPop.withheld')}
      </div>
    );
  }
  return (
    <div className="caller-header">
      <div className="caller-header__number">
        <span data-testid="caller-number">
          {number.kind === 'unknown'
            ? t('screenPop.unknownNumber', { display: number.display })
            : (revealedNumber ?? number.display)}
        </span>
        {number.masked && !revealedNumber ? (
          <button
            type="button"
            className="link-button"
            title={t('screenPop.revealHint')}
            onClick={() => void numberRevealRequested()}
          >
            {t('screenPop.reveal')}
          </button>
        ) : null}
        {onCallBack && DIALABLE.has(number.kind) && (!number.masked || revealedNumber) ? (
          <button type="button" className="link-button" onClick={() => onCallBack(revealedNumber ?? number.display)}>
            {t('screenPop.callBack')}
          </button>
        ) : null}
      </div>
      <div className="caller-header__who">
        {caller?.name ?? pop.displayName ?? ''}
        {caller?.confidential ? <span className="tag tag--confidential">{t('screenPop.confidential')}</span> : null}
        {pop.privacyRequested ? (
          <span className="tag tag--confidential" data-testid="privacy-requested">
            {t('screenPop.privacyRequested')}
          </span>
        ) : null}
        {caller?.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </div>
      {caller ? (
        <div className={pop.repeatCalls30d >= 3 ? 'caller-header__repeat caller-header__repeat--many' : 'caller-header__repeat'}>
          {t('screenPop.repeatCalls', { count: pop.repeatCalls30d })}
        </div>
      ) : (
        <div className="caller-header__repeat">{t('screenPop.newCaller')}</div>
      )}
    </div>
  );
};
