import { useEffect } from 'react';
import { t } from '../../../shared/i18n/t';
import { MARK_CALL_RANG, MEASURE_SCREEN_POP, measureAfterPaint } from '../../../shared/perf-marks';
import { EmptyState } from '../../../shared/ui/EmptyState';
import { panelCleared, useScreenPopStore } from '../screen-pop-store';
import { CallList } from './CallList';
import { CallerHeader } from './CallerHeader';
import { OrderList } from './OrderList';
import { WorkOrderDrawer } from './WorkOrderDrawer';
import { REGION_IDS } from '../../../shared/ui/focus-region';

/** `onCallBack` dials a number (回访); the phone is another feature, so the app passes it in. */
const UrgeNotice = () => {
  const notice = useScreenPopStore((state) => state.actionNotice);
  if (!notice) return null;
  return (
    <p className={notice.kind === 'error' ? 'notice--error' : 'hint'} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  );
};

export const CallerPanel = ({ onCallBack }: { onCallBack?: (number: string) => void }) => {
  const status = useScreenPopStore((state) => state.status);
  const pop = useScreenPopStore((state) => state.pop);
  const error = useScreenPopStore((state) => state.error);
  const revealedNumber = useScreenPopStore((state) => state.revealedNumber);

  useEffect(() => {
    if (status === 'shown') measureAfterPaint(MEASURE_SCREEN_POP, MARK_CALL_RANG);
  }, [status, pop]);

  return (
    <aside
      id={REGION_IDS.caller}
      tabIndex={-1}
      className="panel panel--left"
      aria-label={t('screenPop.region')}
      aria-busy={status === 'loading'}
    >
      <div className="panel__title-row">
        <h2 className="panel__title">{t('screenPop.region')}</h2>
        {status === 'shown' ? (
          <button type="button" className="link-button" onClick={panelCleared}>
            {t('screenPop.clear')}
          </button>
        ) : null}
      </div>
      {status === 'idle' ? <EmptyState title={t('screenPop.empty.title')} body={t('screenPop.empty.body')} /> : null}
      {status === 'loading' ? <p className="hint">{t('screenPop.loading')}</p> : null}
      {status === 'error' ? (
        <p className="notice--error" role="alert">
          {t('screenPop.error', { reason: error ?? '' })}
        </p>
      ) : null}
      {status === 'shown' && pop ? (
        <>
          <CallerHeader pop={pop} revealedNumber={revealedNumber} onCallBack={onCallBack} />
          {pop.caller ? (
            <>
              <h3 className="panel__subtitle">{t('screenPop.openOrders', { count: pop.openOrders.length })}</h3>
              <UrgeNotice />
              {pop.openOrders.length > 0 ? (
                <OrderList
                  orders={pop.openOrders}
                  withDeadline
                  label={t('screenPop.openOrders', { count: pop.openOrders.length })}
                />
              ) : (
                <p className="hint">{t('screenPop.noOpenOrders')}</p>
              )}
              <h3 className="panel__subtitle">{t('screenPop.recentCalls')}</h3>
              {pop.recentCalls.length > 0 ? (
                <CallList calls={pop.recentCalls} />
              ) : (
                <p className="hint">{t('screenPop.noRecentCalls')}</p>
              )}
              <h3 className="panel__subtitle">{t('screenPop.recentOrders')}</h3>
              <OrderList orders={pop.recentOrders} withDeadline={false} label={t('screenPop.recentOrders')} offerVisit />
              {pop.enterprises.map((enterprise) => (
                <section key={enterprise.creditCode} aria-label={t('screenPop.enterprise', { name: enterprise.name })}>
                  <h3 className="panel__subtitle">{t('screenPop.enterprise', { name: enterprise.name })}</h3>
                  <p className="hint">{enterprise.creditCode}</p>
                  <OrderList
                    orders={enterprise.orders}
                    withDeadline={false}
                    label={t('screenPop.enterprise.orders', { name: enterprise.name })}
                  />
                </section>
              ))}
            </>
          ) : null}
          <p className="hint hint--small">{t('screenPop.lookup', { ms: pop.lookupMs.toFixed(1) })}</p>
        </>
      ) : null}
      <WorkOrderDrawer />
    </aside>
  );
};
