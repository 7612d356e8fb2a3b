/**
 * Wrong entries at the lock screen: a few typos are free, then each further miss doubles the wait,
 * so a four-digit PIN cannot be walked through at the keyboard (10,000 guesses would take weeks).
 */
export interface ThrottleState {
  readonly failures: number;
  readonly blockedUntil: number;
}

export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

export const openThrottle: ThrottleState = { failures: 0, blockedUntil: 0 };

export const retryAfterMs = (state: ThrottleState, now: number): number => Math.max(0, state.blockedUntil - now);

export const afterFailure = (state: ThrottleState, now: number): ThrottleState => {
  const failures = state.failures + 1;
  if (failures < FREE_ATTEMPTS) return { failures, blockedUntil: 0 };
  const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS));
  return { failures, blockedUntil: now + wait };
};
