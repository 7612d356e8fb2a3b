import { activitySeen, idleTicked, lockStatusChanged } from '../features/lock';
import { selectAnyCall, usePhoneStore } from '../features/phone';
import { useSettingsStore } from '../features/settings';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const TICK_MS = 5_000;

/**
 * The lock meets the rest of the console here: input anywhere counts as presence, a ringing or live
 * call holds the lock off, and the minutes come from 设置.
 */
export const connectIdleLock = (): void => {
  for (const type of INPUT_EVENTS) window.addEventListener(type, () => activitySeen(), { capture: true, passive: true });
  setInterval(() => {
    idleTicked({
      // Settings not loaded yet: no minutes known, no lock.
      minutes: useSettingsStore.getState().view?.settings.idleLockMinutes ?? 0,
      onCall: selectAnyCall(usePhoneStore.getState()) !== 'none',
    });
  }, TICK_MS);
  useSettingsStore.subscribe((state, previous) => {
    if (state.lock && state.lock !== previous.lock) lockStatusChanged(state.lock);
  });
};
