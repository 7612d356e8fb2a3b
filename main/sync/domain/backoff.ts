/**
 * Exponential backoff with full jitter: after the platform comes back, a hundred consoles of a
 * province must not all retry in the same second.
 */
export const backoffDelay = (
  attempt: number,
  options: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number => {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
};
