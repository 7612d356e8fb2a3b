// Suite `screenpop`: the caller panel on a province-scale history (300 k callers, 1 M calls, 500 k
// work orders). `npm run bench -- screenpop [--profile DIR] [--scale county|province]`: with
// --profile an already seeded profile is measured as it is (seed_s is then not printed).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { openDbClient } from '../../main/db/db-client';
import { openDatabase } from '../../main/db/open-database';
import { screenPopRepo } from '../../main/history/screen-pop-repo';
import { sealingRepo } from '../../main/fields/sealing-repo';
import { settingsRepo } from '../../main/settings/settings-repo';
import { databaseFile } from '../../main/profile/database-file';
import { chromiumArgs, chromiumPath } from '../harness/chromium';
import { startShellProcess } from '../harness/shell-process';
import { decryptedCopy, profileKey } from '../harness/profile-database';
import { percentile, report } from './bench-output';
import { compareEncrypted, warmOsCache } from './encryption-ratio';
import { generateKbCorpus } from './kb-corpus';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};

const QUERIES = 1_000;

/** A copy of a live database: checkpointed first, so the copy needs no WAL of its own. */
const copyWithWal = (from: string, to: string): void => {
  const { db: source } = openDatabase({ file: from, key: profileKey(profile) });
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  copyFileSync(from, to);
};
const PAINTS = 40;
const given = option('profile');
const profile = given ?? mkdtempSync(join(tmpdir(), 'minsheng-bench-screenpop-'));

if (!given) {
  const seeded = spawnSync(
    process.execPath,
    ['dist/tools/seed.cjs', '--scale', option('scale') ?? 'province', '--profile', profile],
    {
      encoding: 'utf8',
    },
  );
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  process.stdout.write(seeded.stdout.split('\n')[0] + '\n');
  report('screenpop.seed_s', Number(/SEED_SECONDS (\S+)/.exec(seeded.stdout)?.[1]), 's');
}
const file = databaseFile(profile);
report('screenpop.db_mb', statSync(file).size / 1024 / 1024, 'MB');

// The seed tool keys the profile as the browser shell does (its key file beside the folder).
const key = profileKey(profile);
const sampler = openDatabase({ file, key }).db;
const sampleKeys = sampler.prepare('SELECT number_key FROM callers ORDER BY random() LIMIT ?').pluck().all(QUERIES) as string[];
sampler.close();

// Cold open: connection, pragmas, migration check and the first lookup, as at console start.
const openStarted = performance.now();
const { db } = openDatabase({ file, key });
const since = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
screenPopRepo.lookup(db, { numberKey: sampleKeys[0]!, since, limit: 20 });
report('screenpop.open_ms', performance.now() - openStarted, 'ms');

const timings: number[] = [];
let found = 0;
for (const numberKey of sampleKeys) {
  const started = performance.now();
  const rows = screenPopRepo.lookup(db, { numberKey, since, limit: 20 });
  timings.push(performance.now() - started);
  if (rows) found += 1;
}
db.close();
if (found !== sampleKeys.length) throw new Error(`only ${found} of ${sampleKeys.length} callers found`);
report('screenpop.query.p50_ms', percentile(timings, 50), 'ms');
report('screenpop.query.p95_ms', percentile(timings, 95), 'ms');
report('screenpop.query.p99_ms', percentile(timings, 99), 'ms');

// What encryption costs: the same lookups on a decrypted copy, interleaved with the encrypted ones.
{
  const scratch = mkdtempSync(join(tmpdir(), 'minsheng-bench-plain-'));
  const plainFile = decryptedCopy(file, key, join(scratch, 'plain.sqlite'));
  warmOsCache([file, `${file}-wal`, plainFile]);
  const encrypted = openDatabase({ file, key }).db;
  const plain = openDatabase({ file: plainFile }).db;
  // Callers not looked up before, each once: a repeat would find its pages decrypted in the cache.
  // Ten thousand of them: the p95 of a sub-millisecond lookup moves by a few hundredths with fewer.
  const looked = new Set(sampleKeys);
  const fresh = encrypted
    .prepare('SELECT number_key FROM callers ORDER BY random() LIMIT ?')
    .pluck()
    .all(12 * QUERIES)
    .filter((numberKey) => !looked.has(numberKey as string)) as string[];
  const compared = await compareEncrypted(
    fresh.slice(0, 10 * QUERIES),
    {
      encrypted: (numberKey) => screenPopRepo.lookup(encrypted, { numberKey, since, limit: 20 }),
      plain: (numberKey) => screenPopRepo.lookup(plain, { numberKey, since, limit: 20 }),
    },
    1,
  );
  encrypted.close();
  plain.close();
  rmSync(scratch, { recursive: true, force: true });
  report('screenpop.query_encrypted.p95_ms', compared.encryptedP95, 'ms');
  report('screenpop.query_plain.p95_ms', compared.plainP95, 'ms');
  report('screenpop.encrypted_ratio', compared.ratio, 'ratio');

  // SM4 field encryption (the 密评 setting) on top: a copy converted as the console converts it,
  // then the same fresh callers looked up on it and on the copy with only the file encrypted.
  const sealedDir = mkdtempSync(join(tmpdir(), 'minsheng-bench-sm4-'));
  const sealedFile = join(sealedDir, 'desk.sqlite');
  copyWithWal(file, sealedFile);
  const sealed = openDatabase({ file: sealedFile, key }).db;
  settingsRepo.writeAll(sealed, { fieldCipher: 'sm4' });
  const convertStarted = performance.now();
  while (!sealingRepo.convertBatch(sealed, 200).done);
  sealingRepo.checkpoint(sealed);
  report('screenpop.sm4_convert_s', (performance.now() - convertStarted) / 1000, 's');
  const fileOnly = openDatabase({ file, key }).db;
  // Callers neither comparison looked up before.
  const sealedProbes = fresh.slice(10 * QUERIES, 11 * QUERIES);
  // The conversion just wrote the sealed copy (its pages are in the OS cache) while the copy may have
  // pushed the original's out: one untimed pass over the probes on both leaves them equally warm.
  for (const numberKey of sealedProbes) {
    screenPopRepo.lookup(sealed, { numberKey, since, limit: 20 });
    screenPopRepo.lookup(fileOnly, { numberKey, since, limit: 20 });
  }
  const comparedSm4 = await compareEncrypted(
    sealedProbes,
    {
      encrypted: (numberKey) => screenPopRepo.lookup(sealed, { numberKey, since, limit: 20 }),
      plain: (numberKey) => screenPopRepo.lookup(fileOnly, { numberKey, since, limit: 20 }),
    },
    1,
  );
  if (!sealedProbes.every((numberKey) => screenPopRepo.lookup(sealed, { numberKey, since, limit: 20 }) !== null)) {
    throw new Error('a caller was not found by blind index');
  }
  sealed.close();
  fileOnly.close();
  rmSync(sealedDir, { recursive: true, force: true });
  report('screenpop.query_sm4.p95_ms', comparedSm4.encryptedP95, 'ms');
  report('screenpop.sm4_ratio', comparedSm4.ratio, 'ratio');
}

// In Chromium: from the incoming call reaching the renderer (the phone store) to the panel painted.
const shell = await startShellProcess(profile);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(shell.url);
  const paints: number[] = [];
  for (const numberKey of sampleKeys.slice(0, PAINTS)) {
    await page.getByRole('button', { name: '更多' }).click();
    await page.getByRole('menuitem', { name: '模拟来电' }).click();
    await page.getByLabel('来电号码').fill(numberKey);
    await page.evaluate(() => performance.clearMeasures());
    await page.getByRole('button', { name: '振铃' }).click();
    const duration = await page.waitForFunction(
      () => performance.getEntriesByName('minsheng:screen-pop-painted')[0]?.duration ?? null,
    );
    paints.push((await duration.jsonValue()) as number);
    await page.getByRole('button', { name: '结束模拟' }).click();
  }
  report('screenpop.paint.p95_ms', percentile(paints, 95), 'ms');
} finally {
  await browser.close();
  await shell.stop();
}

// The caller panel while sync applies a 50 k-entry encyclopedia pull in 5 000-item pages, through
// the same DbClient main uses. A given profile is measured on a copy: the pull would change it.
{
  const scratch = mkdtempSync(join(tmpdir(), 'minsheng-bench-during-pull-'));
  const pullFile = given ? join(scratch, 'desk.sqlite') : file;
  if (given) copyFileSync(file, pullFile);
  const client = await openDbClient({ file: pullFile, key, workerScript: join(process.cwd(), 'dist/main/db-worker.cjs') });
  await client.readerOpened;
  const PULL_ENTRIES = 50_000;
  const PAGE = 5_000;
  const entries = [...generateKbCorpus({ info: PULL_ENTRIES / 2, qa: PULL_ENTRIES / 2, today: '2026-11-27', seed: 7 })];
  let pulling = true;
  const applying = (async () => {
    for (let start = 0; start < entries.length; start += PAGE) {
      const items = entries.slice(start, start + PAGE).map((entry, index) => ({
        seq: start + index + 1,
        op: 'upsert' as const,
        id: entry.id,
        version: entry.version,
        data: entry as unknown as Record<string, unknown>,
      }));
      await client.repos.pull.apply('kb_entries', items, start + items.length, new Date().toISOString());
    }
    pulling = false;
  })();
  const duringPull: number[] = [];
  for (let index = 0; pulling; index += 1) {
    const started = performance.now();
    await client.repos.screenPop.lookup({ numberKey: sampleKeys[index % sampleKeys.length]!, since, limit: 20 });
    duringPull.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await applying;
  await client.close();
  report('screenpop.query_during_pull.lookups', duringPull.length, 'count');
  report('screenpop.query_during_pull.p95_ms', percentile(duringPull, 95), 'ms');
  rmSync(scratch, { recursive: true, force: true });
  if (!given) rmSync(profile, { recursive: true, force: true });
}
