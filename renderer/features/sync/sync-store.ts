import { create } from 'zustand';
import type { SyncStatusView } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';

export interface QuarantinedItem {
  readonly itemId: string;
  readonly stream: string;
  readonly recordId: string;
  readonly createdAt: string;
  readonly error: string | null;
  readonly attempts: number;
}

export interface SyncState {
  readonly status: SyncStatusView | null;
  readonly panelOpen: boolean;
  readonly quarantined: readonly QuarantinedItem[];
  readonly signingIn: boolean;
  readonly message: string | null;
}

export const useSyncStore = create<SyncState>()(() => ({
  status: null,
  panelOpen: false,
  quarantined: [],
  signingIn: false,
  message: null,
}));
const set = useSyncStore.setState;

export const syncStatusChanged = (status: SyncStatusView): void => set({ status });

export const syncStarted = async (): Promise<void> => {
  const result = await desk().sync.status();
  if (result.ok) syncStatusChanged(result.value);
};

export const syncPanelOpened = async (): Promise<void> => {
  set({ panelOpen: true, message: null });
  const result = await desk().sync.quarantined();
  if (result.ok) set({ quarantined: result.value });
};

export const syncPanelClosed = (): void => set({ panelOpen: false });

export const signInRequested = async (password: string): Promise<void> => {
  set({ signingIn: true, message: null });
  const result = await desk().sync.signIn({ password });
  set({ signingIn: false });
  if (result.ok) {
    syncStatusChanged(result.value);
    set({ panelOpen: false });
  } else set({ message: result.error.message });
};

export const syncNowRequested = async (): Promise<void> => {
  const result = await desk().sync.syncNow();
  if (result.ok) syncStatusChanged(result.value);
};

export const quarantinedReleased = async (itemId: string): Promise<void> => {
  await desk().sync.release({ itemId });
  await syncPanelOpened();
};
