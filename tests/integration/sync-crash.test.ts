import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { openProfileDb } from '../harness/profile-database';
import { describe, expect, it } from 'vitest';
import { generateKbCorpus } from '../bench/kb-corpus';
import { demoOrder, startSyncedConsole, startTestPlatform, syncStatus, waitFor } from '../harness/sync-fixtures';
import { useTempDirs } from '../harness/temp-dir';

const tempDir = useTempDirs();
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Starts a process and resolves once it printed `marker` on stdout. */
const spawnUntil = (args: string[], marker: string): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no "${marker}" in 30 s: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(marker)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });

const killed = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

const read = <T>(file: string, sql: string): T => readWith(new BetterSqlite3(file, { readonly: true }), sql);
const readProfile = <T>(profile: string, sql: string): T => readWith(openProfileDb(profile, { readonly: true }), sql);
const readWith = <T>(db: Database, sql: string): T => {
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
};

describe('sync survives crashes', () => {
  it('delivers every item exactly once when the platform is killed in the middle of a push and restarted', async () => {
    const dir = tempDir();
    const platformDb = join(dir, 'platform.sqlite');
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const platformArgs = ['tests/platform/platform-cli.ts', '--db', platformDb, '--port', port, '--no-history'];
    let platform = await spawnUntil(platformArgs, 'MINSHENG_PLATFORM_URL');
    const services = await startSyncedConsole(dir, `http://127.0.0.1:${port}`);
    const ids: string[] = [];
    for (let index = 0; index < 3000; index += 1) ids.push(await services.db.repos.workOrders.create(demoOrder()));
    services.sync.nudge();

    // Kill it once some batches are in and more are on their way.
    await waitFor(
      () => syncStatus(services),
      (status) => status.pending < 2600,
      30_000,
    );
    await killed(platform);
    const during = await waitFor(
      () => syncStatus(services),
      (status) => status.state === 'offline',
    );
    expect(during.pending).toBeGreaterThan(0);

    platform = await spawnUntil(platformArgs, 'MINSHENG_PLATFORM_URL');
    services.sync.nudge();
    await waitFor(
      () => syncStatus(services),
      (status) => status.pending === 0 && status.state === 'online',
      60_000,
    );
    await services.close();
    await killed(platform);

    const stored = read<{ n: number; uniq: number }>(
      platformDb,
      "SELECT count(*) AS n, count(DISTINCT id) AS uniq FROM records WHERE stream = 'work_order'",
    );
    const applied = read<{ n: number }>(platformDb, "SELECT count(*) AS n FROM applied_items WHERE stream = 'work_order'");
    expect(stored).toEqual({ n: 3000, uniq: 3000 });
    expect(applied.n).toBe(3000);
    const db = new BetterSqlite3(platformDb, { readonly: true });
    const onPlatform = new Set(db.prepare("SELECT id FROM records WHERE stream = 'work_order'").pluck().all() as string[]);
    db.close();
    expect(ids.filter((id) => !onPlatform.has(id))).toEqual([]);
  }, 120_000);

  it('resumes a pull from the last committed cursor after the console is killed while applying it', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    // A first-run download big enough to be interrupted: 30,000 entries on top of the 2,262 real ones.
    const rows = [...generateKbCorpus({ info: 10_000, qa: 20_000, today: '2026-11-27' })].map((entry) => ({
      stream: 'kb_entries' as const,
      id: entry.id,
      op: 'upsert' as const,
      version: entry.version,
      data: entry,
    }));
    platform.store.publishSharedBatch(rows);
    const total = 2262 + rows.length;
    const profile = tempDir();

    const child = await spawnUntil(['tests/harness/sync-console-child.ts', profile, platform.url], 'SIGNED_IN');
    await waitFor(
      async () => {
        try {
          return readProfile<{ n: number }>(profile, 'SELECT count(*) AS n FROM kb_entries').n;
        } catch {
          return 0;
        }
      },
      (count) => count > 2262 && count < total - 2000,
      60_000,
    );
    await killed(child);

    // Whatever was committed is whole: the entries applied are exactly those up to the cursor.
    const afterCrash = readProfile<{ n: number }>(profile, 'SELECT count(*) AS n FROM kb_entries').n;
    const cursor =
      readProfile<{ cursor: number } | undefined>(profile, "SELECT cursor FROM sync_cursors WHERE stream = 'kb_entries'")
        ?.cursor ?? 0;
    const platformDb = new BetterSqlite3(join(dir, 'platform.sqlite'), { readonly: true });
    const upToCursor = platformDb
      .prepare("SELECT count(DISTINCT record_id) FROM changes WHERE stream = 'kb_entries' AND seq <= ?")
      .pluck()
      .get(cursor) as number;
    const lastSeq = platformDb.prepare("SELECT max(seq) FROM changes WHERE stream = 'kb_entries'").pluck().get() as number;
    platformDb.close();
    expect(afterCrash).toBe(upToCursor);
    expect(afterCrash).toBeLessThan(total);

    const services = await startSyncedConsole(profile, platform.url);
    await waitFor(
      () => Promise.resolve(readProfile<{ n: number }>(profile, 'SELECT count(*) AS n FROM kb_entries').n),
      (count) => count === total,
      60_000,
    );
    await waitFor(
      () => syncStatus(services),
      (status) => status.state === 'online',
    );
    expect(readProfile<{ cursor: number }>(profile, "SELECT cursor FROM sync_cursors WHERE stream = 'kb_entries'").cursor).toBe(
      lastSeq,
    );
    expect(readProfile<{ n: number }>(profile, 'SELECT count(DISTINCT id) AS n FROM kb_entries').n).toBe(total);
    await services.close();
    await platform.close();
  }, 180_000);
});
