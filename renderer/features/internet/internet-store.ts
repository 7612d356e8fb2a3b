import { create } from 'zustand';
import type { InternetQueueView } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';

export interface InternetState {
  readonly queue: InternetQueueView | null;
  readonly loading: boolean;
  /** Which item's questions and ask box are open. */
  readonly openItem: string | null;
  readonly notice: { readonly kind: 'ok' | 'error'; readonly text: string } | null;
  /** The draft the last take made: the app opens it in the intake form (features meet in app/). */
  readonly takenDraft: { readonly callRef: string; readonly itemId: string } | null;
  readonly busy: boolean;
  /** A call-back the platform recorded: the app dials it through the phone. */
  readonly dialRequest: { readonly number: string; readonly at: string } | null;
}

export const useInternetStore = create<InternetState>()(() => ({
  queue: null,
  loading: false,
  openItem: null,
  notice: null,
  takenDraft: null,
  busy: false,
  dialRequest: null,
}));
const set = useInternetStore.setState;
const get = useInternetStore.getState;

let reloading: Promise<void> | null = null;
/** The queue again (at start, after a live-channel change, after an action); one request at a time. */
export const internetQueueChanged = (): Promise<void> =>
  (reloading ??= (async () => {
    set({ loading: true });
    try {
      const result = await desk().internet.queue();
      if (result.ok) set({ queue: result.value });
      else set({ notice: { kind: 'error', text: result.error.message } });
    } finally {
      set({ loading: false });
      reloading = null;
    }
  })());

export const internetItemTaken = async (itemId: string): Promise<void> => {
  if (get().busy) return;
  set({ busy: true, notice: null });
  try {
    const result = await desk().internet.take({ itemId });
    if (result.ok) set({ takenDraft: { callRef: result.value.callRef, itemId } });
    else set({ notice: { kind: 'error', text: result.error.message } });
  } finally {
    set({ busy: false });
  }
  await internetQueueChanged();
};

export const internetItemToggled = (itemId: string): void => set({ openItem: get().openItem === itemId ? null : itemId });

export const citizenAsked = async (itemId: string, text: string): Promise<boolean> => {
  set({ busy: true, notice: null });
  try {
    const result = await desk().internet.ask({ itemId, text });
    if (!result.ok) {
      set({ notice: { kind: 'error', text: result.error.message } });
      return false;
    }
    set({ notice: { kind: 'ok', text: '问题已发送给市民，回复后会显示在这里' } });
  } finally {
    set({ busy: false });
  }
  await internetQueueChanged();
  return true;
};

/** 电话回拨: still possible, recorded on the platform as a call-back (it counts against 免回拨). */
export const citizenCalledBack = async (itemId: string): Promise<void> => {
  set({ busy: true, notice: null });
  try {
    const result = await desk().internet.callBack({ itemId });
    if (result.ok) set({ dialRequest: result.value, notice: { kind: 'ok', text: '已登记电话回拨，正在呼叫市民' } });
    else set({ notice: { kind: 'error', text: result.error.message } });
  } finally {
    set({ busy: false });
  }
  await internetQueueChanged();
};
