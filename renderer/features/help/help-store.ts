import { create } from 'zustand';
import type { HelpRequest } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';

export interface HelpState {
  readonly latest: HelpRequest | null;
  readonly dialogOpen: boolean;
  readonly note: string;
  readonly sending: boolean;
  readonly error: string | null;
}

export const useHelpStore = create<HelpState>()(() => ({
  latest: null,
  dialogOpen: false,
  note: '',
  sending: false,
  error: null,
}));
const set = useHelpStore.setState;
const get = useHelpStore.getState;

export const helpDialogOpened = (): void => set({ dialogOpen: true, error: null });
export const helpDialogClosed = (): void => set({ dialogOpen: false, note: '', error: null });
export const helpNoteChanged = (note: string): void => set({ note });

/** Main's word on this agent's request (raised here, or answered by the lead): the newest one wins. */
export const helpChanged = (request: HelpRequest): void => {
  const latest = get().latest;
  if (!latest || latest.id === request.id || request.raisedAt >= latest.raisedAt) set({ latest: request });
};

export const helpLoaded = async (): Promise<void> => {
  const result = await desk().help.latest();
  if (result.ok && result.value) helpChanged(result.value);
};

/** The call on screen goes with it; after the call, main takes the one that just ended. */
export const helpSent = async (call: { id: string; inProgress: boolean } | null): Promise<void> => {
  if (get().sending) return;
  set({ sending: true, error: null });
  try {
    const result = await desk().help.raise({
      note: get().note.trim(),
      callId: call?.id ?? null,
      callInProgress: call?.inProgress ?? false,
    });
    if (!result.ok) return set({ error: result.error.message });
    helpChanged(result.value);
    set({ dialogOpen: false, note: '' });
  } finally {
    set({ sending: false });
  }
};
