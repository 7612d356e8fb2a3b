import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { retentionCutoff } from './domain/retention-cutoff';
import { CALLERS_FROM_START, type CallerCursor } from './retention-repo';

/** What one run cleared: orders' personal data, calls' numbers, callers removed. */
export interface RetentionReport {
  readonly orders: number;
  readonly calls: number;
  readonly callers: number;
}

export interface RetentionService {
  /** Clears what is due now. */
  runOnce(): Promise<RetentionReport>;
  start(): void;
  stop(): void;
}

const BATCH = 500;
const FIRST_RUN_MS = 60_000;
const EVERY_MS = 6 * 3600 * 1000;

/**
 * Personal data of closed orders leaves this PC `retentionDays` after the platform acknowledged it
 * (the platform keeps the record; the KB and reference data are never touched); so do the numbers
 * of calls that old, and then callers nothing here needs any more. Runs a minute after
 * start, so a console's first seconds belong to the agent, and every six hours.
 */
export const createRetentionService = (deps: {
  readonly db: DbClient;
  readonly settings: Pick<SettingsService, 'current'>;
  readonly log: Logger;
  readonly now?: () => Date;
}): RetentionService => {
  const { db, settings, log } = deps;
  const now = deps.now ?? (() => new Date());
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<RetentionReport> | null = null;

  const drain = async (batch: () => Promise<number>): Promise<number> => {
    let total = 0;
    for (;;) {
      const done = await batch();
      total += done;
      if (done < BATCH) return total;
    }
  };

  const purge = async (): Promise<RetentionReport> => {
    const at = now();
    const before = retentionCutoff(at, (await settings.current()).retentionDays);
    const stamp = at.toISOString();
    // Orders first: a caller is removed only once its orders are cleared and its calls unlinked.
    const orders = await drain(() => db.repos.retention.purgeBatch({ before, at: stamp, limit: BATCH }));
    const calls = await drain(() => db.repos.retention.purgeCallsBatch({ before, at: stamp, limit: BATCH }));
    let callers = 0;
    for (let cursor: CallerCursor | null = CALLERS_FROM_START; cursor;) {
      const page: { removed: number; next: CallerCursor | null } = await db.repos.retention.purgeCallersBatch({
        before,
        cursor,
        limit: BATCH,
      });
      callers += page.removed;
      cursor = page.next;
    }
    if (orders + calls + callers > 0) {
      await db.repos.retention.checkpoint();
      log.info('retention.purged', { orders, calls, callers });
    }
    return { orders, calls, callers };
  };

  const runOnce = (): Promise<RetentionReport> => {
    // One run at a time: the timer and a test (or a second timer tick) must not race each other.
    running ??= purge().finally(() => (running = null));
    return running;
  };

  const schedule = (delayMs: number): void => {
    timer = setTimeout(() => {
      void runOnce()
        .catch((error: unknown) => log.warn('retention.failed', { error: String(error).slice(0, 120) }))
        .finally(() => timer && schedule(EVERY_MS));
    }, delayMs);
    timer.unref?.();
  };

  return {
    runOnce,
    start: () => {
      if (!timer) schedule(FIRST_RUN_MS);
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
};
