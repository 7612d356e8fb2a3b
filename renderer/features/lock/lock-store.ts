import { create } from 'zustand';
import type { LockStatus } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';
import { t } from '../../shared/i18n/t';
import { idleLockDue, waitText } from './domain/idle-lock';

export interface LockState {
  readonly status: LockStatus | null;
  readonly secret: string;
  readonly checking: boolean;
  readonly error: string | null;
}

export const useLockStore = create<LockState>()(() => ({ status: null, secret: '', checking: false, error: null }));

const set = useLockStore.setState;
const get = useLockStore.getState;

export const selectLocked = (state: LockState): boolean => state.status?.locked === true;

let lastActivityAt = Date.now();
let engaging = false;

/** Any key, click, wheel or pointer move; cheap enough to call on every event (no re-render). */
export const activitySeen = (at = Date.now()): void => {
  lastActivityAt = at;
};

export const lockStarted = async (): Promise<void> => {
  const result = await desk().lock.status();
  if (result.ok) set({ status: result.value });
};

export const lockEngaged = async (reason: 'idle' | 'manual'): Promise<void> => {
  if (engaging || selectLocked(get())) return;
  engaging = true;
  try {
    const result = await desk().lock.engage({ reason });
    if (result.ok) set({ status: result.value, secret: '', error: result.value.locked ? null : t('lock.noCredential') });
  } finally {
    engaging = false;
  }
};

/** Checked every few seconds by the app; main refuses to lock when nothing could open it again. */
export const idleTicked = (input: { readonly minutes: number; readonly onCall: boolean; readonly now?: number }): void => {
  const now = input.now ?? Date.now();
  if (input.onCall) lastActivityAt = now;
  if (selectLocked(get()) || !idleLockDue({ lastActivityAt, now, minutes: input.minutes, onCall: input.onCall })) return;
  // Not again each tick if main would not lock (no PIN, never signed in): once per idle stretch.
  lastActivityAt = now;
  void lockEngaged('idle');
};

export const secretTyped = (secret: string): void => set({ secret, error: null });

export const unlockSubmitted = async (): Promise<void> => {
  const { secret, checking } = get();
  if (checking) return;
  if (secret === '') {
    set({ error: t('lock.error.empty') });
    return;
  }
  set({ checking: true, error: null });
  try {
    const result = await desk().lock.unlock({ secret });
    if (!result.ok) {
      set({ error: result.error.message });
      return;
    }
    const outcome = result.value;
    if (outcome.unlocked) {
      activitySeen();
      set({ status: outcome.status, secret: '', error: null });
      return;
    }
    set({
      status: outcome.status,
      secret: '',
      error:
        outcome.reason === 'throttled'
          ? t('lock.error.throttled', { wait: waitText(outcome.status.retryAfterMs) })
          : t('lock.error.wrong'),
    });
  } finally {
    set({ checking: false });
  }
};

/** The settings dialog changed the PIN: the lock knows at once what opens it. */
export const lockStatusChanged = (status: LockStatus): void => set({ status });
