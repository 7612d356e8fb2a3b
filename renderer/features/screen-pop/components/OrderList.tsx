import type { OrderSummary } from '../../../../preload/contract';
import { type MessageKey, t } from '../../../shared/i18n/t';
import { shortDateTime } from '../../../shared/format-time';
import { orderOpened, orderUrged, orderVisited, useScreenPopStore } from '../screen-pop-store';
import { stepLabelKey } from '../domain/step-label';
import { StepClock } from './StepClock';
import { DeadlineBadge } from './DeadlineBadge';

export const statusLabel = (status: string): string => t(`status.order.${status}` as MessageKey);

/** 催办 for the citizen on the line: once per call (pressed again it says so), counted on the order. */
const UrgeButton = ({ order }: { order: OrderSummary }) => {
  const urgedNow = useScreenPopStore((state) => state.urgedThisCall.includes(order.id));
  return (
    <button
      type="button"
      className="order-urge"
      aria-label={t('screenPop.urge.label', { title: order.title })}
      aria-pressed={urgedNow}
      onClick={() => void orderUrged(order.id)}
    >
      {urgedNow ? t('screenPop.urge.done') : t('screenPop.urge')}
    </button>
  );
};

const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;

/** After a 回访 call, the citizen's verdict on a resolved order in one click. */
const VisitButtons = ({ order }: { order: OrderSummary }) => (
  <div className="order-visit" role="group" aria-label={t('screenPop.visit.label', { title: order.title })}>
    {SATISFACTION.map((satisfaction) => (
      <button key={satisfaction} type="button" onClick={() => void orderVisited(order.id, satisfaction)}>
        {t(`screenPop.visit.${satisfaction}`)}
      </button>
    ))}
  </div>
);

/** Where an open order stands: its latest step, the department on it, and the clock that runs. */
const CurrentStep = ({ step }: { step: NonNullable<OrderSummary['step']> }) => (
  <span className="order-item__step" data-testid="order-step">
    <span className="order-item__step-kind">{t(stepLabelKey(step))}</span>
    {step.department ? <span>{step.department}</span> : null}
    <span>{shortDateTime(step.at)}</span>
    {step.clock ? <StepClock clock={step.clock} /> : null}
  </span>
);

export const OrderList = ({
  orders,
  withDeadline,
  label,
  offerVisit = false,
}: {
  orders: readonly OrderSummary[];
  withDeadline: boolean;
  label: string;
  /** The caller's own resolved orders take the 回访 result here. */
  offerVisit?: boolean;
}) => (
  <ul className="order-list" aria-label={label}>
    {orders.map((order) => (
      <li key={order.id} className="order-list__row">
        <button type="button" className="order-item" onClick={() => void orderOpened(order.id)}>
          <span className="order-item__title">{order.title}</span>
          <span className="order-item__meta">
            <span className={`status status--${order.status}`}>{statusLabel(order.status)}</span>
            <span>{order.requestType}</span>
            <span>{shortDateTime(order.createdAt)}</span>
          </span>
          {withDeadline ? <DeadlineBadge minutesLeft={order.minutesLeft} /> : null}
          {withDeadline && order.step ? <CurrentStep step={order.step} /> : null}
          {order.urgedCount > 0 ? (
            <span className="order-item__urged" data-testid="urged-count">
              {t('screenPop.urged', { count: order.urgedCount })}
            </span>
          ) : null}
        </button>
        {withDeadline ? <UrgeButton order={order} /> : null}
        {offerVisit && order.status === 'resolved' ? <VisitButtons order={order} /> : null}
      </li>
    ))}
  </ul>
);
