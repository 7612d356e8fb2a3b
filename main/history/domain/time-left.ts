/** Whole minutes from `now` to `deadline` (negative once overdue); null without a usable deadline. */
export const minutesLeft = (deadline: string | null, now: Date): number | null => {
  if (!deadline) return null;
  const at = Date.parse(deadline);
  return Number.isNaN(at) ? null : Math.floor((at - now.getTime()) / 60_000);
};

export const secondsBetween = (from: string | null, to: string | null): number | null => {
  if (!from || !to) return null;
  const seconds = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds) : null;
};
