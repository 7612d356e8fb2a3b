export interface Timers {
  readonly set: (callback: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as number),
};

/**
 * Debounce with a ceiling: typing continuously still saves at least every `maxWaitMs`, so nothing
 * typed is more than a second away from SQLite.
 */
export const createAutosave = (save: () => void, options: { debounceMs: number; maxWaitMs: number; timers?: Timers }) => {
  const timers = options.timers ?? browserTimers;
  let debounce: unknown = null;
  let ceiling: unknown = null;
  const fire = (): void => {
    if (debounce !== null) timers.clear(debounce);
    if (ceiling !== null) timers.clear(ceiling);
    debounce = null;
    ceiling = null;
    save();
  };
  return {
    changed: (): void => {
      if (debounce !== null) timers.clear(debounce);
      debounce = timers.set(fire, options.debounceMs);
      if (ceiling === null) ceiling = timers.set(fire, options.maxWaitMs);
    },
    flush: (): void => {
      if (debounce !== null || ceiling !== null) fire();
    },
  };
};
