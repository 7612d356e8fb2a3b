/**
 * When the console locks itself: N minutes after the last input, never while a call rings or is up,
 * and the minutes count again from the end of a call (the agent was busy, not away).
 */
export const idleLockDue = (input: {
  readonly lastActivityAt: number;
  readonly now: number;
  readonly minutes: number;
  readonly onCall: boolean;
}): boolean => !input.onCall && input.minutes > 0 && input.now - input.lastActivityAt >= input.minutes * 60_000;

/** 还需等待 1 分 05 秒: what a throttled lock screen says, rounded up so it never reads 0 while still blocked. */
export const waitText = (ms: number): string => {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes} 分 ${String(rest).padStart(2, '0')} 秒` : `${rest} 秒`;
};
