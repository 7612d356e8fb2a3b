/**
 * Everything the running phone started that outlives a function call (listeners, timers, waits),
 * kept in one place so that stopping the phone leaves nothing behind: a test between cases, a
 * console that re-registers with new settings, a window that closes.
 */
export interface Disposables {
  /** Runs `undo` on dispose. */
  add(undo: () => void): void;
  timeout(run: () => void, ms: number): void;
  interval(run: () => void, ms: number): void;
  /** Resolves after `ms`, or at once on dispose (the waiter then checks whether it still matters). */
  sleep(ms: number): Promise<void>;
  listen(target: EventTarget | undefined, type: string, listener: () => void): void;
  dispose(): void;
  readonly disposed: boolean;
}

export const createDisposables = (): Disposables => {
  const undos = new Set<() => void>();
  let disposed = false;
  const add = (undo: () => void): (() => void) => {
    if (disposed) {
      undo();
      return () => undefined;
    }
    undos.add(undo);
    return () => void undos.delete(undo);
  };
  return {
    add: (undo) => void add(undo),
    timeout: (run, ms) => {
      if (disposed) return;
      const timer = setTimeout(() => {
        forget();
        run();
      }, ms);
      const forget = add(() => clearTimeout(timer));
    },
    interval: (run, ms) => {
      if (disposed) return;
      const timer = setInterval(run, ms);
      add(() => clearInterval(timer));
    },
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (disposed) return resolve();
        const timer = setTimeout(() => {
          forget();
          resolve();
        }, ms);
        const forget = add(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    listen: (target, type, listener) => {
      if (!target || typeof target.addEventListener !== 'function' || disposed) return;
      target.addEventListener(type, listener);
      add(() => target.removeEventListener(type, listener));
    },
    dispose: () => {
      disposed = true;
      const pending = [...undos];
      undos.clear();
      for (const undo of pending) undo();
    },
    get disposed() {
      return disposed;
    },
  };
};
