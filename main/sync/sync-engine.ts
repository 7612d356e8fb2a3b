import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import { backoffDelay } from './domain/backoff';
import { PlatformError, type PlatformClient } from './platform-client';
import { MAX_PUSH_BYTES, MAX_PUSH_ITEMS, PULL_STREAMS, type PullStream, type PushItem } from './protocol/sync-protocol';

export interface SyncStatus {
  readonly state: 'unconfigured' | 'signed-out' | 'online' | 'offline' | 'syncing';
  readonly pending: number;
  readonly oldestPendingAt: string | null;
  readonly quarantined: number;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  readonly nextRetryAt: string | null;
  readonly pulling: { readonly stream: PullStream; readonly applied: number; readonly remaining: number | null } | null;
}

/** Before anything is known: the service shows it with its own state (unconfigured, signed out). */
export const initialSyncStatus: SyncStatus = {
  state: 'unconfigured',
  pending: 0,
  oldestPendingAt: null,
  quarantined: 0,
  lastSuccessAt: null,
  lastError: null,
  nextRetryAt: null,
  pulling: null,
};

export interface SyncEngineOptions {
  readonly db: DbClient;
  readonly client: PlatformClient;
  readonly log: Logger;
  readonly onStatus: (status: SyncStatus) => void;
  readonly streams?: readonly PullStream[];
  readonly pushBatch?: number;
  readonly pullLimit?: number;
  readonly pollMs?: number;
  readonly backoff?: { baseMs: number; maxMs: number };
  readonly now?: () => Date;
  readonly onPulled?: (stream: PullStream, applied: number, callerIds: readonly string[]) => void;
}

export interface SyncEngine {
  start(): void;
  stop(): Promise<void>;
  /** Something changed (a record written, the platform said so, the network came back): sync soon. */
  nudge(): void;
  /** The platform answered again (its live channel reconnected): retry now, even during backoff. */
  platformBack(): void;
  /** One full cycle now (push everything, pull every stream); rejects with the failure. */
  runOnce(): Promise<void>;
  status(): SyncStatus;
}

/**
 * Push the outbox in order (per record), then pull every stream, repeat on nudges or every poll
 * interval; after a failure wait with jittered exponential backoff. Nothing here deletes or skips
 * an unacknowledged item: the outbox row moves only on the platform's per-item answer.
 */
export const createSyncEngine = (options: SyncEngineOptions): SyncEngine => {
  const { db, client, log } = options;
  const now = options.now ?? (() => new Date());
  const streams = options.streams ?? PULL_STREAMS;
  const pushBatch = Math.min(options.pushBatch ?? MAX_PUSH_ITEMS, MAX_PUSH_ITEMS);
  const pullLimit = options.pullLimit ?? 5000;
  const pollMs = options.pollMs ?? 30_000;
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 60_000 };

  let status: SyncStatus = { ...initialSyncStatus, state: 'offline' };
  let running = false;
  let failures = 0;
  let wake: (() => void) | null = null;
  let nudged = false;
  let loop: Promise<void> | null = null;

  const publish = async (change: Partial<SyncStatus>): Promise<void> => {
    const stats = await db.repos.outbox.stats().catch(() => null);
    status = { ...status, ...(stats ?? {}), ...change };
    options.onStatus(status);
  };

  const push = async (): Promise<void> => {
    for (;;) {
      const batch = await db.repos.outbox.pushBatch({ maxItems: pushBatch, maxBytes: MAX_PUSH_BYTES });
      if (batch.length === 0) return;
      const items: PushItem[] = batch.map((row) => ({
        itemId: row.itemId,
        stream: row.stream as PushItem['stream'],
        recordId: row.recordId,
        op: row.op,
        payload: JSON.parse(row.payloadJson) as Record<string, unknown>,
        createdAt: row.createdAt,
      }));
      const response = await client.push(items);
      const sent = new Set(items.map((item) => item.itemId));
      const answered = response.results.filter((result) => sent.has(result.itemId));
      if (answered.length === 0) throw new PlatformError('garbage', '平台没有确认任何已发送的条目');
      await db.repos.outbox.settle(answered, now().toISOString());
      const poisoned = answered.filter((result) => result.status === 'rejected' || result.status === 'conflict');
      if (poisoned.length > 0) log.warn('sync.items-quarantined', { count: poisoned.length });
      await publish({});
    }
  };

  /**
   * Pages are fetched one ahead: while the worker applies page n, page n+1 is on its way. The
   * cursor stored locally still moves only with an applied page; a failure drops the prefetch and
   * the next cycle starts again from the stored cursor.
   */
  const pull = async (): Promise<void> => {
    for (const stream of streams) {
      let cursor = await db.repos.pull.cursor(stream);
      let next = client.pull(stream, cursor, pullLimit);
      for (;;) {
        const response = await next;
        if (response.stream !== stream || response.cursor < cursor) throw new PlatformError('garbage', '平台返回的游标无效');
        if (response.items.length === 0 && response.cursor === cursor) break;
        if (response.hasMore) {
          next = client.pull(stream, response.cursor, pullLimit);
          next.catch(() => {}); // awaited on the next turn, or abandoned if applying this page fails
        }
        const outcome = await db.repos.pull.apply(stream, response.items, response.cursor, now().toISOString());
        cursor = response.cursor;
        if (outcome.skipped.length > 0) log.warn('sync.pull-items-skipped', { stream, count: outcome.skipped.length });
        options.onPulled?.(stream, outcome.applied, outcome.callerIds);
        await publish({
          pulling: {
            stream,
            applied: (status.pulling?.stream === stream ? status.pulling.applied : 0) + outcome.applied,
            remaining: response.remaining ?? null,
          },
        });
        if (!response.hasMore) break;
      }
    }
  };

  // One cycle at a time: 立即同步 during the loop's own cycle joins it instead of pushing the same items twice.
  let inFlight: Promise<void> | null = null;
  const runOnce = (): Promise<void> =>
    (inFlight ??= cycle().finally(() => {
      inFlight = null;
    }));

  const cycle = async (): Promise<void> => {
    await publish({ state: 'syncing' });
    try {
      await push();
      await pull();
      failures = 0;
      await publish({ state: 'online', lastSuccessAt: now().toISOString(), lastError: null, nextRetryAt: null, pulling: null });
    } catch (error) {
      failures += 1;
      const message = error instanceof Error ? error.message : String(error);
      const kind = error instanceof PlatformError ? error.kind : 'server';
      log.warn('sync.failed', { kind, failures });
      await publish({ state: kind === 'auth' ? 'signed-out' : 'offline', lastError: message, pulling: null });
      throw error;
    }
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const run = async (): Promise<void> => {
    while (running) {
      nudged = false;
      let delay = pollMs;
      try {
        await runOnce();
      } catch {
        delay = backoffDelay(failures - 1, backoff);
        await publish({ nextRetryAt: new Date(now().getTime() + delay).toISOString() });
      }
      if (running && !nudged) await sleep(delay);
    }
  };

  return {
    start: () => {
      if (running) return;
      running = true;
      loop = run();
    },
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
    nudge: () => {
      nudged = true;
      // A nudge during backoff does not cut the wait short: a failing platform is not hammered.
      if (failures === 0) wake?.();
    },
    platformBack: () => {
      nudged = true;
      wake?.();
    },
    runOnce,
    status: () => status,
  };
};
