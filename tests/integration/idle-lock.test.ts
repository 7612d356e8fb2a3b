import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DbClient } from '../../main/db/db-client';
import { createLockService } from '../../main/lock/lock-service';
import { createLogger } from '../../main/log/logger';
import { context, startSyncedConsole, startTestPlatform, waitFor } from '../harness/sync-fixtures';
import { openTestDbClient } from '../harness/test-services';
import { useTempDirs } from '../harness/temp-dir';

const tempDir = useTempDirs();

const lockOn = async (dir: string, clock: { now: number }) => {
  const db: DbClient = await openTestDbClient(join(dir, 'lock.sqlite'));
  const lock = createLockService({
    db,
    settings: { current: async () => ({ agentId: 'A0007' }) as never },
    log: createLogger({}),
    now: () => clock.now,
  });
  return { db, lock };
};

describe('the idle lock', () => {
  it('opens with the password of the last platform sign-in, also once the platform is gone; each step reaches the platform’s audit', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    const call = async (path: 'lock.status' | 'lock.engage' | 'lock.unlock', input: unknown) => {
      const result = await services.dispatch(path, input, context);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as Record<string, unknown>;
    };
    expect(await call('lock.status', undefined)).toMatchObject({
      locked: false,
      credentials: { pin: false, platformPassword: true },
    });
    expect(await call('lock.engage', { reason: 'idle' })).toMatchObject({ locked: true });
    expect(await call('lock.unlock', { secret: 'demo12345' })).toMatchObject({ unlocked: false, reason: 'wrong' });
    expect(await call('lock.unlock', { secret: 'demo1234' })).toMatchObject({ unlocked: true, status: { locked: false } });

    await waitFor(
      async () => platform.store.auditChains('320505'),
      (chains) => chains[0]?.entries === 4,
    );
    expect(platform.store.auditChains('320505')).toEqual([expect.objectContaining({ entries: 4, problems: [] })]);
    const actions = platform.store.recordIds('audit').map((id) => platform.store.recordData('audit', id)?.action);
    expect(actions).toEqual(['sign_in', 'screen_locked', 'unlock_refused', 'screen_unlocked']);

    await platform.close();
    await call('lock.engage', { reason: 'manual' });
    expect(await call('lock.unlock', { secret: 'demo1234' })).toMatchObject({ unlocked: true });
    // Only a salted hash is kept: the password itself is in no row.
    const stored = (await services.db.repos.secrets.read('platformPasswordVerifier'))!;
    expect(Buffer.from(stored).toString('utf8')).not.toContain('demo1234');
    await services.close();
  });

  it('lets five typos pass, then doubles the wait after each miss; the right PIN is not even checked while waiting', async () => {
    const clock = { now: 1_000_000 };
    const { db, lock } = await lockOn(tempDir(), clock);
    await lock.setPin({ pin: '2580' }, context);
    await lock.engage({ reason: 'idle' }, context);
    const reasons: string[] = [];
    for (let miss = 1; miss <= 5; miss += 1) {
      const result = await lock.unlock({ secret: `000${miss}` }, context);
      reasons.push(result.unlocked ? 'unlocked' : result.reason);
    }
    expect(reasons).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'throttled']);
    expect((await lock.status(undefined, context)).retryAfterMs).toBe(30_000);
    clock.now += 29_999;
    expect(await lock.unlock({ secret: '2580' }, context)).toMatchObject({ unlocked: false, reason: 'throttled' });
    clock.now += 1;
    expect(await lock.unlock({ secret: '0006' }, context)).toMatchObject({
      unlocked: false,
      reason: 'throttled',
      status: { retryAfterMs: 60_000 },
    });
    clock.now += 60_000;
    expect(await lock.unlock({ secret: '2580' }, context)).toMatchObject({ unlocked: true, status: { retryAfterMs: 0 } });
    // A success forgives: the next lock starts with its five free tries again.
    await lock.engage({ reason: 'manual' }, context);
    expect(await lock.unlock({ secret: '0007' }, context)).toMatchObject({ reason: 'wrong' });
    await db.close();
  });

  it('does not lock when nothing could open it, and a damaged verifier opens nothing', async () => {
    const clock = { now: 0 };
    const { db, lock } = await lockOn(tempDir(), clock);
    expect(await lock.engage({ reason: 'idle' }, context)).toMatchObject({
      locked: false,
      credentials: { pin: false, platformPassword: false },
    });
    await lock.setPin({ pin: '2580' }, context);
    await lock.engage({ reason: 'idle' }, context);
    await db.repos.secrets.write('unlockPinVerifier', new TextEncoder().encode('{"v":1,"n":2,"hash":"x"}'));
    expect(await lock.status(undefined, context)).toMatchObject({ locked: true, credentials: { pin: false } });
    expect(await lock.unlock({ secret: '2580' }, context)).toMatchObject({ unlocked: false, reason: 'wrong' });
    // Cleared and set again, it opens.
    await lock.clearPin(undefined, context);
    await lock.setPin({ pin: '2580' }, context);
    expect(await lock.unlock({ secret: '2580' }, context)).toMatchObject({ unlocked: true });
    await db.close();
  });
});
