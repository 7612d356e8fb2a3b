import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type LogFields, maskPhoneLike, redactFields } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** JSON-lines file; synchronous appends so the last line before a crash is on disk. */
  readonly file?: string;
  readonly echo?: (line: string) => void;
}

/** Events are fixed identifiers (`settings.saved`), fields go through redaction; nothing else is logged. */
export const createLogger = ({ file, echo }: LoggerOptions): Logger => {
  if (file) mkdirSync(dirname(file), { recursive: true });
  const log = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, event: maskPhoneLike(event), ...redactFields(fields) });
    if (file) {
      try {
        appendFileSync(file, `${line}\n`);
      } catch {
        // A full or read-only disk must not take the console down with it; the echo still shows it.
      }
    }
    echo?.(line);
  };
  return {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
};

export const silentLogger: Logger = createLogger({});
