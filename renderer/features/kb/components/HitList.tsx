import type { KbHit } from '../../../../preload/contract';
import { type MessageKey, t } from '../../../shared/i18n/t';
import { entryOpened } from '../kb-store';
import { Highlighted } from './Highlighted';

export const HitList = ({ hits, selected, label }: { hits: readonly KbHit[]; selected: number | null; label: string }) => (
  <ul className="kb-hits" role="listbox" aria-label={label}>
    {hits.map((hit, index) => (
      <li
        key={hit.id}
        role="option"
        aria-selected={index === selected}
        className={index === selected ? 'kb-hit kb-hit--selected' : 'kb-hit'}
        onClick={() => void entryOpened(hit.id)}
      >
        <div className="kb-hit__title">
          <Highlighted segments={hit.title} />
        </div>
        <div className="kb-hit__meta">
          {hit.tier !== null ? (
            <span className={`tag tag--tier${hit.tier}`}>{t(`kb.tier.${hit.tier}` as MessageKey)}</span>
          ) : null}
          <span className="tag">{t(hit.kind === 'qa' ? 'kb.kind.qa' : 'kb.kind.info')}</span>
          {hit.sample ? (
            <span className="tag tag--sample" title={t('kb.sample.hint')}>
              {t('kb.sample')}
            </span>
          ) : null}
          {hit.department ? (
            <span className="kb-hit__department" title={hit.department}>
              {hit.department}
            </span>
          ) : null}
        </div>
        <div className="kb-hit__snippet">
          <Highlighted segments={hit.snippet} />
        </div>
      </li>
    ))}
  </ul>
);
