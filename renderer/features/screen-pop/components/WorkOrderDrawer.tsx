import { Fragment } from 'react';
import { t } from '../../../shared/i18n/t';
import { shortDateTime } from '../../../shared/format-time';
import { orderClosed, useScreenPopStore } from '../screen-pop-store';
import { DeadlineBadge } from './DeadlineBadge';
import { StepClock } from './StepClock';
import { stepLabelKey } from '../domain/step-label';
import { statusLabel } from './OrderList';

export const WorkOrderDrawer = () => {
  const order = useScreenPopStore((state) => state.order);
  if (!order) return null;
  const detail = order.detail;
  return (
    <div className="dialog-backdrop" onClick={orderClosed}>
      <section
        className="drawer"
        role="dialog"
        aria-modal="true"
        aria-label={detail ? t('order.title', { number: detail.number }) : t('order.loading')}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') orderClosed();
        }}
      >
        <header className="drawer__header">
          <h2>{detail ? t('order.title', { number: detail.number }) : t('order.loading')}</h2>
          <button type="button" onClick={orderClosed} autoFocus>
            {t('order.close')}
          </button>
        </header>
        {order.status === 'error' ? <p className="notice--error">{order.error}</p> : null}
        {detail ? (
          <>
            <h3>{detail.title}</h3>
            <dl className="facts">
              <dt>{t('order.field.requestType')}</dt>
              <dd>
                {detail.requestType} · <span className={`status status--${detail.status}`}>{statusLabel(detail.status)}</span>
              </dd>
              <dt>{t('order.field.channel')}</dt>
              <dd>{detail.channel}</dd>
              {detail.enterprise ? (
                <>
                  <dt>{t('order.field.enterprise')}</dt>
                  <dd data-testid="order-enterprise">
                    {detail.enterprise.name}（{detail.enterprise.creditCode}）
                  </dd>
                  <dt>{t('order.field.enterpriseMode')}</dt>
                  <dd>{detail.enterprise.mode ?? t('order.enterpriseMode.none')}</dd>
                  {detail.enterprise.clocks.map((clock) => (
                    <Fragment key={clock.kind}>
                      <dt>{t(`order.clock.${clock.kind}`)}</dt>
                      <dd data-testid={`order-clock-${clock.kind}`}>
                        {shortDateTime(clock.dueAt)}（{clock.basis}） <DeadlineBadge minutesLeft={clock.minutesLeft} />
                      </dd>
                    </Fragment>
                  ))}
                </>
              ) : null}
              <dt>{t('order.field.address')}</dt>
              <dd>{detail.address ?? '—'}</dd>
              <dt>{t('order.field.department')}</dt>
              <dd>{[detail.leadDepartment, ...detail.coDepartments].filter(Boolean).join('、') || '—'}</dd>
              <dt>{t('order.field.deadline')}</dt>
              <dd>
                {detail.deadlineAt ? shortDateTime(detail.deadlineAt) : '—'} <DeadlineBadge minutesLeft={detail.minutesLeft} />
              </dd>
              <dt>{t('order.field.content')}</dt>
              <dd>{detail.content}</dd>
              {detail.reply ? (
                <>
                  <dt>{t('order.field.reply')}</dt>
                  <dd>{detail.reply}</dd>
                </>
              ) : null}
            </dl>
            <h3>{t('order.history')}</h3>
            <ol className="timeline" aria-label={t('order.history')}>
              {detail.events.map((event) => (
                <li key={event.id} data-testid="timeline-step">
                  <span className="timeline__kind">{t(stepLabelKey(event))}</span>
                  <span>{shortDateTime(event.at)}</span>
                  <span>{event.department ?? event.actor}</span>
                  {event.note ? <span>{event.note}</span> : null}
                  {event.clock ? <StepClock clock={event.clock} /> : null}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>
    </div>
  );
};
