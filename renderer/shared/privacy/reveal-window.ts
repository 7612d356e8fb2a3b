/**
 * How long an audited 显示 shows a masked number: long enough to read it out or dial it, short
 * enough that it is not left on screen for whoever walks past next.
 */
export const REVEAL_MS = 30_000;

/** Masks the number again after the window; returns a cancel for a reveal replaced by another. */
export const hideAfterRevealWindow = (hide: () => void): (() => void) => {
  const timer = setTimeout(hide, REVEAL_MS);
  return () => clearTimeout(timer);
};
