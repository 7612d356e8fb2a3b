import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDatabaseKey } from '../../main/db/encryption/database-key';
import { keyConnection, keyLegacyConnection } from '../../main/db/encryption/key-connection';
import { databaseFileState } from '../../main/db/encryption/sqlite-header';

const KILLS = Number(process.env.MINSHENG_MIGRATION_KILLS ?? 60);
const LEGACY_KILLS = Number(process.env.MINSHENG_REENCRYPTION_KILLS ?? 25);
const ORDERS = 3000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const bundles = join(root, 'node_modules', '.cache', 'minsheng-tests');
const child = (name: string) => join(bundles, `${name}.cjs`);
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minsheng-encrypt-'));
  // Bundled: a child starts in ~50 ms, so the kills land in the migration, not in module loading.
  for (const name of ['encrypt-child', 'plain-profile-writer']) {
    await build({
      entryPoints: [join(root, 'tests/harness', `${name}.ts`)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3-multiple-ciphers'],
      outfile: child(name),
      logLevel: 'error',
    });
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly lines: string[];
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
  readonly stderr: string;
}

/** Runs a child; kills it `killAfterMs` after it started, or once it prints `killOn`. */
const runChild = (args: string[], stop: { killAfterMs?: number; killOn?: string }): Promise<Run> =>
  new Promise((resolve) => {
    const process_: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    process_.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (stop.killOn && out.includes(`${stop.killOn}\n`)) process_.kill('SIGKILL');
    });
    process_.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = stop.killAfterMs === undefined ? null : setTimeout(() => process_.kill('SIGKILL'), stop.killAfterMs);
    process_.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ lines: out.split('\n').filter((line) => line !== ''), signal, code, stderr });
    });
  });

/**
 * Opened as the next console start opens it, read-write: a kill during the switch to WAL can leave
 * a WAL whose shared-memory file is gone, which only a writer may recover (a read-only inspector
 * gets "attempt to write a readonly database"; seen once in CI).
 */
const countOrders = (file: string, key: string | null): number => {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    if (key) keyConnection(db, key as never);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT count(DISTINCT contact_number) FROM work_orders').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('encrypting a plain profile at first start', () => {
  it(`loses no record across ${KILLS} kills at random moments of the migration, and ends encrypted`, async () => {
    const key = newDatabaseKey();
    const pristine = join(dir, 'pristine.sqlite');
    const made = await runChild([child('plain-profile-writer'), pristine, String(ORDERS)], { killOn: 'DONE' });
    expect(made.signal, made.stderr).toBe('SIGKILL');
    // The older console was killed: its last orders are only in the WAL, which must come along.
    expect(statSync(`${pristine}-wal`).size).toBeGreaterThan(0);

    const file = join(dir, 'minsheng-desk.sqlite');
    const restorePlain = (): void => {
      for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${pristine}${suffix}`, `${file}${suffix}`);
    };
    restorePlain();
    // A full run without a kill says how long the migration takes here, to spread the kills over it.
    const started = Date.now();
    const full = await runChild([child('encrypt-child'), file, key], {});
    const fullMs = Date.now() - started;
    expect(full.lines, full.stderr).toEqual(['copy', 'rekey', 'verify', 'swap', 'done', 'OPENED']);
    expect(countOrders(file, key)).toBe(ORDERS);

    const landedIn = new Map<string, number>();
    restorePlain();
    for (let kill = 0; kill < KILLS; kill += 1) {
      const run = await runChild([child('encrypt-child'), file, key], { killAfterMs: Math.floor(Math.random() * fullMs * 1.1) });
      const phase = run.signal === 'SIGKILL' ? (run.lines.at(-1) ?? 'start') : 'finished';
      landedIn.set(phase, (landedIn.get(phase) ?? 0) + 1);
      const state = databaseFileState(file);
      expect(['plain', 'encrypted'], `kill ${kill} in ${phase}`).toContain(state);
      expect(countOrders(file, state === 'encrypted' ? key : null), `kill ${kill} in ${phase}: every order is there`).toBe(
        ORDERS,
      );
      // Every kill hits a migration of the profile as the older console left it, its WAL tail included
      // (the inspection above opened it as a console would, which folds the WAL in).
      restorePlain();
    }

    const last = await runChild([child('encrypt-child'), file, key], {});
    expect(last.lines.at(-1), last.stderr).toBe('OPENED');
    expect(databaseFileState(file)).toBe('encrypted');
    expect(() => countOrders(file, null)).toThrow(/not a database/);
    expect(countOrders(file, key)).toBe(ORDERS);
    expect(readdirSync(dir).filter((name) => name.includes('.encrypting'))).toEqual([]);
    expect(existsSync(`${file}-journal`)).toBe(false);
    const spread = [...landedIn].map(([phase, count]) => `${phase} ${count}`).join(', ');
    console.log(`encryption migration: ${fullMs} ms for ${ORDERS} orders; ${KILLS} kills landed in: ${spread}`);
    for (const phase of ['copy', 'rekey', 'verify'])
      expect(landedIn.get(phase) ?? 0, `kills in ${phase} (${spread})`).toBeGreaterThan(0);
  }, 180_000);
});

/** Orders in a file encrypted with either scheme (a kill may leave the earlier one); which one it was. */
const countEitherScheme = (
  file: string,
  key: string,
  { readonly = false }: { readonly?: boolean } = {},
): { scheme: 'aegis' | 'legacy'; orders: number } => {
  try {
    if (readonly) throw new Error('the fixture is only read');
    return { scheme: 'aegis', orders: countOrders(file, key) };
  } catch {
    const db = new BetterSqlite3(file, { readonly, fileMustExist: true });
    try {
      keyLegacyConnection(db, key as never);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      return {
        scheme: 'legacy',
        orders: db.prepare('SELECT count(DISTINCT contact_number) FROM work_orders').pluck().get() as number,
      };
    } finally {
      db.close();
    }
  }
};

describe('re-encrypting a profile of the earlier scheme (AES-256-CBC) with AEGIS at first start', () => {
  it(`loses no record across ${LEGACY_KILLS} kills at random moments, and ends with AEGIS`, async () => {
    const key = newDatabaseKey();
    const pristine = join(dir, 'legacy-pristine.sqlite');
    const made = await runChild([child('plain-profile-writer'), pristine, String(ORDERS), key], { killOn: 'DONE' });
    expect(made.signal, made.stderr).toBe('SIGKILL');
    expect(statSync(`${pristine}-wal`).size).toBeGreaterThan(0);
    expect(countEitherScheme(pristine, key, { readonly: true })).toEqual({ scheme: 'legacy', orders: ORDERS });

    const file = join(dir, 'legacy', 'minsheng-desk.sqlite');
    mkdirSync(join(dir, 'legacy'), { recursive: true });
    const restore = (): void => {
      for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${pristine}${suffix}`, `${file}${suffix}`);
    };
    restore();
    const started = Date.now();
    const full = await runChild([child('encrypt-child'), file, key], {});
    const fullMs = Date.now() - started;
    expect(full.lines, full.stderr).toEqual(['copy', 'rekey', 'verify', 'swap', 'done', 'OPENED']);
    expect(countEitherScheme(file, key)).toEqual({ scheme: 'aegis', orders: ORDERS });

    const landedIn = new Map<string, number>();
    restore();
    for (let kill = 0; kill < LEGACY_KILLS; kill += 1) {
      const run = await runChild([child('encrypt-child'), file, key], { killAfterMs: Math.floor(Math.random() * fullMs * 1.1) });
      const phase = run.signal === 'SIGKILL' ? (run.lines.at(-1) ?? 'start') : 'finished';
      landedIn.set(phase, (landedIn.get(phase) ?? 0) + 1);
      const found = countEitherScheme(file, key);
      expect(found.orders, `kill ${kill} in ${phase}: every order is there (${found.scheme})`).toBe(ORDERS);
      restore();
    }
    const last = await runChild([child('encrypt-child'), file, key], {});
    expect(last.lines.at(-1), last.stderr).toBe('OPENED');
    expect(countEitherScheme(file, key)).toEqual({ scheme: 'aegis', orders: ORDERS });
    expect(readdirSync(join(dir, 'legacy')).filter((name) => name.includes('.encrypting'))).toEqual([]);
    const spread = [...landedIn].map(([phase, count]) => `${phase} ${count}`).join(', ');
    console.log(`re-encryption: ${fullMs} ms for ${ORDERS} orders; ${LEGACY_KILLS} kills landed in: ${spread}`);
    expect((landedIn.get('copy') ?? 0) + (landedIn.get('rekey') ?? 0), spread).toBeGreaterThan(0);
  }, 180_000);
});
