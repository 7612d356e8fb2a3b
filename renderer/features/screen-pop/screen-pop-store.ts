import { create } from 'zustand';
import type { DeskApi, ScreenPop, WorkOrderDetail } from '../../../preload/contract';
import { hideAfterRevealWindow } from '../../shared/privacy/reveal-window';
import { desk } from '../../shared/desk/desk-client';
import { t } from '../../shared/i18n/t';

export interface ScreenPopState {
  readonly status: 'idle' | 'loading' | 'shown' | 'error';
  /** Which ring this panel belongs to: a late answer for an earlier call must not replace a newer one. */
  readonly ringId: string | null;
  readonly pop: ScreenPop | null;
  /** What the panel was looked up with, to look again when a sync brings news of these orders. */
  readonly query: ScreenPopQuery | null;
  readonly error: string | null;
  readonly revealedNumber: string | null;
  /** Open orders this call has chased (催办) already: the button says so instead of asking again. */
  readonly urgedThisCall: readonly string[];
  /** What the last 催办 or 回访 did, for the agent to read (or why it was refused). */
  readonly actionNotice: { readonly kind: 'ok' | 'error'; readonly text: string } | null;
  readonly order: {
    readonly status: 'loading' | 'shown' | 'error';
    readonly detail: WorkOrderDetail | null;
    readonly error: string | null;
  } | null;
}

const idle: ScreenPopState = {
  status: 'idle',
  ringId: null,
  pop: null,
  query: null,
  error: null,
  revealedNumber: null,
  urgedThisCall: [],
  actionNotice: null,
  order: null,
};

export const useScreenPopStore = create<ScreenPopState>()(() => idle);
const set = useScreenPopStore.setState;
const get = useScreenPopStore.getState;

type ScreenPopQuery = Parameters<DeskApi['history']['screenPop']>[0];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const callRang = async (ring: {
  id: string;
  from: string;
  pAssertedIdentity?: string;
  privacy?: string;
}): Promise<void> => {
  const query: ScreenPopQuery = {
    from: ring.from,
    ...(ring.pAssertedIdentity ? { pAssertedIdentity: ring.pAssertedIdentity } : {}),
    ...(ring.privacy ? { privacy: ring.privacy } : {}),
    // Training rings have no call record to reveal a withheld number from.
    ...(UUID.test(ring.id) ? { callId: ring.id } : {}),
  };
  set({ ...idle, status: 'loading', ringId: ring.id, query });
  const result = await desk().history.screenPop(query);
  if (get().ringId !== ring.id) return;
  if (result.ok) set({ status: 'shown', pop: result.value });
  else set({ status: 'error', error: result.error.message });
};

/** 显示: the clear number, audited; a caller new to the hotline who withheld it is revealed from the call record. */
export const numberRevealRequested = async (): Promise<void> => {
  const { pop, ringId } = get();
  const caller = pop?.caller;
  const target = caller
    ? ({ callerId: caller.id, screen: 'caller-panel' } as const)
    : pop?.privacyRequested && ringId && UUID.test(ringId)
      ? ({ callId: ringId, screen: 'caller-panel' } as const)
      : null;
  if (!target) return;
  const result = await desk().history.revealNumber(target);
  if (result.ok && get().pop === pop) {
    const revealed = result.value.display;
    set({ revealedNumber: revealed });
    hideAfterRevealWindow(() => {
      if (get().revealedNumber === revealed) set({ revealedNumber: null });
    });
  } else if (!result.ok) set({ error: result.error.message });
};

export const orderOpened = async (workOrderId: string): Promise<void> => {
  set({ order: { status: 'loading', detail: null, error: null } });
  const result = await desk().history.workOrder({ workOrderId });
  set({
    order: result.ok
      ? { status: 'shown', detail: result.value, error: null }
      : { status: 'error', detail: null, error: result.error.message },
  });
};

export const orderUrged = async (workOrderId: string): Promise<void> => {
  const { ringId, pop: before, urgedThisCall: done } = get();
  if (done.includes(workOrderId)) {
    const count = before?.openOrders.find((order) => order.id === workOrderId)?.urgedCount ?? 1;
    set({ actionNotice: { kind: 'ok', text: t('screenPop.urge.already', { count }) } });
    return;
  }
  const result = await desk().history.urge({ workOrderId });
  if (get().ringId !== ringId) return;
  if (!result.ok) {
    set({ actionNotice: { kind: 'error', text: result.error.message } });
    return;
  }
  const { pop, urgedThisCall } = get();
  set({
    urgedThisCall: urgedThisCall.includes(workOrderId) ? urgedThisCall : [...urgedThisCall, workOrderId],
    actionNotice: {
      kind: 'ok',
      text: t(result.value.alreadyRecorded ? 'screenPop.urge.already' : 'screenPop.urge.recorded', {
        count: result.value.urgedCount,
      }),
    },
    pop: pop && {
      ...pop,
      openOrders: pop.openOrders.map((order) =>
        order.id === workOrderId ? { ...order, urgedCount: result.value.urgedCount } : order,
      ),
    },
  });
};

/** After a 回访 call: the citizen's satisfaction with a resolved order, in one click; the row says 已回访. */
export const orderVisited = async (
  workOrderId: string,
  satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied',
): Promise<void> => {
  const { ringId } = get();
  const result = await desk().history.recordVisit({ workOrderId, satisfaction });
  if (get().ringId !== ringId) return;
  if (!result.ok) {
    set({ actionNotice: { kind: 'error', text: result.error.message } });
    return;
  }
  const { pop } = get();
  set({
    actionNotice: {
      kind: 'ok',
      text: t('screenPop.visit.recorded', { result: t(`screenPop.visit.${satisfaction}`) }),
    },
    pop: pop && {
      ...pop,
      recentOrders: pop.recentOrders.map((order) =>
        order.id === workOrderId ? { ...order, status: result.value.status } : order,
      ),
    },
  });
};

/**
 * The platform moved an order on (a sync brought its steps): the panel on screen and the order
 * shows where things stand now, without the agent asking again and without touching what this call
 * did (催办, a revealed number). An order open in the drawer stays as opened: reopening it is a view
 * the audit log records, a refresh is not.
 */
export const callerOrdersChanged = async (callerIds: readonly string[]): Promise<void> => {
  const { ringId, pop, query } = get();
  if (pop?.caller && callerIds.includes(pop.caller.id) && ringId && query) {
    const result = await desk().history.screenPop({ ...query, refresh: true });
    if (result.ok && get().ringId === ringId) set({ pop: result.value });
  }
};

export const orderClosed = (): void => set({ order: null });

export const panelCleared = (): void => set(idle);
