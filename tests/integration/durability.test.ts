import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDatabaseKey } from '../../main/db/encryption/database-key';
import { keyConnection } from '../../main/db/encryption/key-connection';
import { openDatabase } from '../../main/db/open-database';

const ITERATIONS = Number(process.env.MINSHENG_DURABILITY_ITERATIONS ?? 200);
const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the project so that the bundle's require('better-sqlite3-multiple-ciphers') resolves to node_modules.
const writerBundle = join(root, 'node_modules', '.cache', 'minsheng-tests', 'durability-writer.cjs');
let dir: string;
// The console's database is encrypted: crashes are survived with encryption on, as in the field.
const key = newDatabaseKey();
const keyed = (db: BetterSqlite3.Database): BetterSqlite3.Database => {
  keyConnection(db, key);
  return db;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minsheng-durability-'));
  // A bundle starts in ~50 ms where tsx needs ~400 ms: 200 kills stay well under a minute.
  await build({
    entryPoints: [join(root, 'tests/harness/durability-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3-multiple-ciphers'],
    outfile: writerBundle,
    logLevel: 'error',
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer, kills it with SIGKILL after `lifetimeMs`, returns the ids it printed in full lines. */
const runAndKill = (file: string, lifetimeMs: number): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerBundle, file, key], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), lifetimeMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended on its own (${code}): ${err}`));
      const complete = out.slice(0, out.lastIndexOf('\n') + 1);
      resolve(complete.split('\n').filter((line) => line !== ''));
    });
  });

describe('durability under SIGKILL', () => {
  it(
    `keeps every committed work order and its outbox row across ${ITERATIONS} kills at random moments`,
    async () => {
      const file = join(dir, 'desk.sqlite');
      const printed: string[] = [];
      for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
        // 60–260 ms: some kills land before the first write, most in the middle of a transaction.
        printed.push(...(await runAndKill(file, 60 + Math.floor(Math.random() * 200))));

        const raw = keyed(new BetterSqlite3(file));
        try {
          expect(raw.pragma('integrity_check', { simple: true }), `iteration ${iteration}`).toBe('ok');
        } finally {
          raw.close();
        }
        // Reopened as the console would after the crash: a kill during the very first start may have
        // left the schema half-way through its migrations (each one atomic), which opening completes.
        const { db } = openDatabase({ file, key });
        try {
          const orders = db.prepare('SELECT count(*) FROM work_orders').pluck().get() as number;
          const outbox = db.prepare("SELECT count(*) FROM outbox WHERE stream = 'work_order'").pluck().get() as number;
          const events = db.prepare('SELECT count(*) FROM work_order_events').pluck().get() as number;
          expect([outbox, events], `iteration ${iteration}: every order has its outbox row and event`).toEqual([orders, orders]);
          expect(
            orders,
            `iteration ${iteration}: committed orders may exceed printed ones, never the reverse`,
          ).toBeGreaterThanOrEqual(printed.length);
        } finally {
          db.close();
        }
      }

      const db = keyed(new BetterSqlite3(file, { readonly: true }));
      const stored = new Set(db.prepare('SELECT id FROM work_orders').pluck().all() as string[]);
      const queued = new Set(db.prepare("SELECT record_id FROM outbox WHERE stream = 'work_order'").pluck().all() as string[]);
      db.close();
      const missing = printed.filter((id) => !stored.has(id) || !queued.has(id));
      expect(missing).toEqual([]);
      expect(printed.length).toBeGreaterThan(ITERATIONS);
      console.log(`durability: ${ITERATIONS} kills, ${printed.length} acknowledged orders, ${stored.size} stored, 0 missing`);
    },
    10 * 60_000,
  );
});
