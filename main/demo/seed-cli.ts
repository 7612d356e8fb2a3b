import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { readOrCreateKeyFile } from '../db/encryption/key-file';
import { keyConnection } from '../db/encryption/key-connection';
import { openDatabase } from '../db/open-database';
import { MAX_LINE_BYTES, importJsonl } from '../kb/domain/jsonl-import';
import { kbRepo } from '../kb/kb-repo';
import { boundedLines, fileChunks } from '../kb/read-lines';
import { defaultProfileDir } from '../profile/profile-dir';
import { databaseFile } from '../profile/database-file';
import { SCALES, type SeedScale, seedDemoData } from './seed-demo-data';
import { makeProfilePrivate } from '../profile/private-profile';

/**
 * `npm run seed -- --scale county|province [--profile DIR] [--if-empty] [--seed N]`.
 * Seeds the history tables of a profile; refuses a profile that already has history unless it is
 * empty, so demo data never mixes with real work.
 */
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};

const scale = (option('scale') ?? 'county') as SeedScale;
if (!(scale in SCALES)) {
  process.stderr.write(`--scale must be one of: ${Object.keys(SCALES).join(', ')}\n`);
  process.exit(2);
}
const main = async (): Promise<void> => {
  const profileDir = option('profile') ?? defaultProfileDir(process.env, process.platform, homedir());
  makeProfilePrivate(profileDir);
  const file = databaseFile(profileDir);

  const key = readOrCreateKeyFile({ env: process.env, profileDir });
  const { db } = openDatabase({ file, key });

  // The real government service items make the demo encyclopedia (read from the source tree: a dev tool).
  // Plus a few sample entries for the demo centre's own region (苏州/虎丘, tagged 示例), so a newcomer's
  // first searches (公积金, 落户, 医保, 噪音, 停水) find something local.
  const kbDir = join(__dirname, '..', '..', 'main', 'data', 'kb');
  const kbFiles = ['gov-service-items.jsonl', 'demo-suzhou-samples.jsonl'].map((name) => join(kbDir, name));
  if (kbRepo.count(db) === 0) {
    const at = new Date().toISOString();
    for (const kbItems of kbFiles.filter((path) => existsSync(path))) {
      const report = await importJsonl(boundedLines(fileChunks(kbItems), MAX_LINE_BYTES), async (batch) =>
        kbRepo.upsertBatch(db, batch, at),
      );
      process.stdout.write(`encyclopedia: ${report.inserted} entries imported from ${kbItems}\n`);
    }
  }

  const existing = db.prepare('SELECT count(*) FROM callers').pluck().get() as number;
  if (existing > 0) {
    db.close();
    if (args.includes('--if-empty')) process.exit(0);
    process.stderr.write(`${file} already holds ${existing} callers: seed only an empty profile.\n`);
    process.exit(1);
  }

  // Bulk load with the journal in memory and no fsync, then back to the WAL/FULL the app uses: a crash
  // here only means re-running the seed. (better-sqlite3's defensive mode forbids journal_mode=OFF.)
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  const started = performance.now();
  const stats = seedDemoData(db, { scale, now: new Date(), ...(option('seed') ? { seed: Number(option('seed')) } : {}) });
  db.pragma('optimize');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.close();
  const seconds = (performance.now() - started) / 1000;

  const verify = new BetterSqlite3(file, { readonly: true });
  keyConnection(verify, key);
  const integrity = verify.pragma('quick_check', { simple: true });
  verify.close();
  process.stdout.write(
    `seeded ${scale}: ${stats.callers} callers, ${stats.calls} calls, ${stats.workOrders} work orders, ${stats.events} events in ${seconds.toFixed(1)} s → ${file} (${existsSync(file) ? 'ok' : 'missing'}, quick_check ${integrity})\n`,
  );
  process.stdout.write(`SEED_SECONDS ${seconds.toFixed(2)}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
