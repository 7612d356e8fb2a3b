import type { OrderSummary } from '../../../../preload/contract';
import { type MessageKey, t } from '../../../shared/i18n/t';
import { shortDateTime } from '../../../shared/format-time';
import { orderOpened } from '../screen-pop-store';
import { DeadlineBadge } from './DeadlineBadge';

export const statusLabel = (status: string): string => t(`status.order.${status}` as MessageKey);

export const OrderList = ({
  orders,
  withDeadline,
  label,
}: {
  orders: readonly OrderSummary[];
  withDeadline: boolean;
  label: string;
}) => (
  <ul className="order-list" aria-label={label}>
    {orders.map((order) => (
      <li key={order.id}>
        <button type="button" className="order-item" onClick={() => void orderOpened(order.id)}>
          <span className="order-item__title">{order.title}</span>
          <span className="order-item__meta">
            <span className={`status status--${order.status}`}>{statusLabel(order.status)}</span>
            <span>{order.requestType}</span>
            <span>{shortDateTime(order.createdAt)}</span>
          </span>
          {withDeadline ? <DeadlineBadge minutesLeft={order.minutesLeft} /> : null}
        </button>
      </li>
    ))}
  </ul>
);
