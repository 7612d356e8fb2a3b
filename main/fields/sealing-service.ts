import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';

/** Rows per transaction: ~200 orders × 6 fields of SM4 + HMAC-SM3 keep one batch near 40 ms, so calls and typing never wait long. */
const BATCH = 200;

export interface SealingService {
  /** Brings every row to the form the current setting asks for; resolves when done (one run at a time). */
  convert(): Promise<{ batches: number }>;
}

/**
 * Runs the conversion after the console starts and whenever the setting changes. Between batches
 * the worker serves everything else; a restart resumes where the saved position says.
 */
export const createSealingService = (deps: { readonly db: DbClient; readonly log: Logger }): SealingService => {
  const { db, log } = deps;
  let running: Promise<{ batches: number }> | null = null;

  const walk = async (): Promise<{ batches: number }> => {
    let batches = 0;
    let progress = await db.repos.sealing.progress();
    if (progress.done) return { batches };
    const started = Date.now();
    while (!progress.done) {
      progress = await db.repos.sealing.convertBatch(BATCH);
      batches += 1;
    }
    await db.repos.sealing.checkpoint();
    log.info('fields.converted', { mode: progress.mode, batches, ms: Date.now() - started });
    return { batches };
  };

  return {
    convert: () => {
      // A second request while one runs (the setting switched back and forth) walks again afterwards.
      const next = (running ?? Promise.resolve({ batches: 0 })).then(walk, walk);
      running = next.finally(() => {
        if (running === next) running = null;
      });
      return next;
    },
  };
};
