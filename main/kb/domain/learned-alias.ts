/**
 * A citation is a labelled example: the words the agent searched and the entry they cited. Once
 * agents of one region have cited the same entry for the same words often enough, recently enough,
 * the entry comes first for those words there. Old citations count less (30-day half-life, counted
 * in whole days, so citations of one day add up exactly), and an alias fades when agents stop using it.
 */
export const ALIAS_THRESHOLD = 3;
export const HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

export const decayedWeight = (weight: number, lastAt: string, now: Date): number => {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(lastAt)) / DAY_MS));
  return weight * 0.5 ** (days / HALF_LIFE_DAYS);
};

/** The weight after one more citation now. */
export const citedAgain = (weight: number, lastAt: string, now: Date): number => decayedWeight(weight, lastAt, now) + 1;

export const isActiveAlias = (alias: { weight: number; lastAt: string; removedAt: string | null }, now: Date): boolean =>
  alias.removedAt === null && decayedWeight(alias.weight, alias.lastAt, now) >= ALIAS_THRESHOLD;
