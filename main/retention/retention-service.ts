import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { retentionCutoff } from './domain/retention-cutoff';

export interface RetentionService {
  /** Clears what is due now; returns how many orders. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): void;
}

const BATCH = 500;
const FIRST_RUN_MS = 60_000;
const EVERY_MS = 6 * 3600 * 1000;

/**
 * Personal data of closed orders leaves this PC `retentionDays` after the platform acknowledged it
 * (the platform keeps the record; the KB and reference data are never touched). Runs a minute after
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
  let running: Promise<number> | null = null;

  const purge = async (): Promise<number> => {
    const at = now();
    const before = retentionCutoff(at, (await settings.current()).retentionDays);
    let total = 0;
    for (;;) {
      const purged = await db.repos.retention.purgeBatch({ before, at: at.toISOString(), limit: BATCH });
      total += purged;
      if (purged < BATCH) break;
    }
    if (total > 0) {
      await db.repos.retention.checkpoint();
      log.info('retention.purged', { orders: total });
    }
    return total;
  };

  const runOnce = (): Promise<number> => {
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
