import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { type LogFields, maskPhoneLike, redactFields } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** false while the log file cannot be written (a full disk): nobody may claim "已记录日志" then. */
  writable(): boolean;
  /** Writes the counts of suppressed repeats now (shutdown; tests). */
  flushSuppressed(): void;
}

export interface LoggerOptions {
  /** JSON-lines file; synchronous appends so the last line before a crash is on disk. */
  readonly file?: string;
  readonly echo?: (line: string) => void;
  /** The file is rotated past this size: `desk.log` → `desk.log.1` → … → `desk.log.<keep>`, the oldest dropped. */
  readonly maxBytes?: number;
  readonly keep?: number;
  /** Lines per event and window; repeats beyond it become one `log.suppressed` line with their count. */
  readonly perEventPerWindow?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

const DEFAULTS = { maxBytes: 5 * 1024 * 1024, keep: 3, perEventPerWindow: 30, windowMs: 60_000 };

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * Events are fixed identifiers (`settings.saved`), fields go through redaction; nothing else is
 * logged. A flood of one event (a page hammering the shell with refused connections wrote ~410 MB
 * an hour) is cut to counts, and the file is bounded by rotation: at most (keep + 1) × maxBytes.
 */
export const createLogger = (options: LoggerOptions): Logger => {
  const { file, echo } = options;
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const keep = options.keep ?? DEFAULTS.keep;
  const limit = options.perEventPerWindow ?? DEFAULTS.perEventPerWindow;
  const windowMs = options.windowMs ?? DEFAULTS.windowMs;
  const now = options.now ?? Date.now;
  if (file) mkdirSync(dirname(file), { recursive: true });
  let size = file ? sizeOf(file) : 0;
  let writable = true;
  const windows = new Map<string, { startedAt: number; written: number; suppressed: number }>();

  const rotate = (target: string): void => {
    for (let index = keep - 1; index >= 1; index -= 1) {
      try {
        renameSync(`${target}.${index}`, `${target}.${index + 1}`);
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(target, `${target}.1`);
    size = 0;
  };

  const write = (line: string): void => {
    if (file) {
      try {
        if (size > 0 && size + line.length + 1 > maxBytes) rotate(file);
        appendFileSync(file, `${line}\n`);
        size += Buffer.byteLength(line) + 1;
        writable = true;
      } catch {
        // A full or read-only disk must not take the console down with it; the echo still shows it.
        writable = false;
        size = sizeOf(file);
      }
    }
    echo?.(line);
  };

  const lineOf = (level: LogLevel, event: string, fields: LogFields): string =>
    JSON.stringify({ at: new Date(now()).toISOString(), level, event: maskPhoneLike(event), ...redactFields(fields) });

  const reportSuppressed = (event: string, window: { suppressed: number; startedAt: number }): void => {
    if (window.suppressed === 0) return;
    write(lineOf('warn', 'log.suppressed', { of: event, count: window.suppressed, windowS: Math.round(windowMs / 1000) }));
    window.suppressed = 0;
  };

  const log = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    const at = now();
    let window = windows.get(event);
    if (!window || at - window.startedAt >= windowMs) {
      if (window) reportSuppressed(event, window);
      window = { startedAt: at, written: 0, suppressed: 0 };
      windows.set(event, window);
      if (windows.size > 500) windows.delete(windows.keys().next().value!);
    }
    if (window.written >= limit) {
      window.suppressed += 1;
      return;
    }
    window.written += 1;
    write(lineOf(level, event, fields));
  };

  // Counts of a flood that then stopped still reach the file within a window or so.
  const sweeper = setInterval(() => {
    const at = now();
    for (const [event, window] of windows) if (at - window.startedAt >= windowMs) reportSuppressed(event, window);
  }, windowMs);
  sweeper.unref?.();

  return {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
    writable: () => writable,
    flushSuppressed: () => {
      for (const [event, window] of windows) reportSuppressed(event, window);
    },
  };
};

export const silentLogger: Logger = createLogger({});
