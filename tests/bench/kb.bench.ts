// Suite `kb`: the encyclopedia at its real size (72 k 政务信息 + 150 k 政策问答, plus the 2,262 real
// government service items). `npm run bench -- kb [--queries FILE]` also runs the relevance check
// on a labelled JSON Lines file ({"query": "...", "expect": "<entry id>", "region"?: "320505"}).
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import type { KbHit, Result } from '../../preload/contract';
import { databaseFile } from '../../main/profile/database-file';
import { chromiumArgs, chromiumPath } from '../harness/chromium';
import { writeProfileSettings } from '../harness/profile-settings';
import { startShellProcess } from '../harness/shell-process';
import { startTestServices } from '../harness/test-services';
import { percentile, report } from './bench-output';
import { generateKbCorpus } from './kb-corpus';
import { BENCH_QUERIES } from './kb-queries';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const root = fileURLToPath(new URL('../..', import.meta.url));
const labelled = option('queries') ?? join(root, 'tests/bench/kb-relevance.jsonl');
const context = { transport: 'test' as const, origin: 'bench://' };
const CALLER = '320505';

const profile = mkdtempSync(join(tmpdir(), 'minsheng-bench-kb-'));
const corpus = join(profile, 'corpus.jsonl');
const out = createWriteStream(corpus);
for (const entry of generateKbCorpus({ info: 72_000, qa: 150_000, today: '2026-11-27' })) out.write(`${JSON.stringify(entry)}\n`);
await new Promise((resolve) => out.end(resolve));
writeProfileSettings(profile, { centreCode: CALLER, agentId: 'BENCH' });

const services = await startTestServices(profile);
const unwrap = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

// Import: the real path (file reader, validation, worker, FTS5), both files.
const importStarted = performance.now();
for (const file of [join(root, 'main/data/kb/gov-service-items.jsonl'), corpus]) {
  const imported = await services.kb.importFile(file);
  if (imported.rejected > 0) throw new Error(`${imported.rejected} lines rejected in ${file}`);
}
report('kb.import_s', (performance.now() - importStarted) / 1000, 's');

const search = async (query: string, callerRegion: string | null = CALLER): Promise<KbHit[]> =>
  unwrap<{ hits: KbHit[] }>(
    await services.dispatch('kb.search', { query, callerRegion, kind: null, department: null, settled: false }, context),
  ).hits;

// Latency in main (validation, worker hop, query, highlighting), 240 realistic 1–8 character queries.
await search('预热');
const all: number[] = [];
const short: number[] = [];
for (const query of BENCH_QUERIES) {
  const started = performance.now();
  await search(query);
  const took = performance.now() - started;
  all.push(took);
  if (Array.from(query).length <= 2) short.push(took);
}
report('kb.query.p50_ms', percentile(all, 50), 'ms');
report('kb.query.p95_ms', percentile(all, 95), 'ms');
report('kb.query.p99_ms', percentile(all, 99), 'ms');
report('kb.query_short.p95_ms', percentile(short, 95), 'ms');

// Relevance on the labelled set.
const cases = readFileSync(labelled, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { query: string; expect: string; region?: string });
let top1 = 0;
let top5 = 0;
const misses: string[] = [];
for (const { query, expect, region } of cases) {
  const ids = (await search(query, region ?? null)).map((hit) => hit.id);
  if (ids[0] === expect) top1 += 1;
  if (ids.slice(0, 5).includes(expect)) top5 += 1;
  else misses.push(query);
}
report('kb.top1', top1 / cases.length, 'ratio');
report('kb.top5', top5 / cases.length, 'ratio');
if (misses.length > 0) console.log(`kb: not in the top 5: ${misses.join('、')}`);
await services.close();

const file = databaseFile(profile);
const checkpoint = new BetterSqlite3(file);
checkpoint.pragma('wal_checkpoint(TRUNCATE)');
checkpoint.close();
report('kb.db_mb', statSync(file).size / 1024 / 1024, 'MB');

// The baseline the index has to beat: a ranked LIKE scan (title hits first), on 40 of the queries.
const plain = new BetterSqlite3(file, { readonly: true });
const like = plain.prepare(
  `SELECT id FROM kb_entries WHERE title LIKE @pattern OR body LIKE @pattern
   ORDER BY (title LIKE @pattern) DESC LIMIT 20`,
);
const likeTimes: number[] = [];
for (const query of BENCH_QUERIES.filter((_, index) => index % 6 === 0)) {
  const started = performance.now();
  like.all({ pattern: `%${query}%` });
  likeTimes.push(performance.now() - started);
}
plain.close();
report('kb.like.p95_ms', percentile(likeTimes, 95), 'ms');

// Keystroke to results painted, in Chromium through the browser shell.
const shell = await startShellProcess(profile);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(shell.url);
  const box = page.getByRole('searchbox');
  await box.waitFor();
  const paints: number[] = [];
  for (const query of BENCH_QUERIES.filter((_, index) => index % 8 === 0)) {
    await box.fill('');
    await page.evaluate(() => performance.clearMeasures());
    await box.fill(query);
    const measured = await page.waitForFunction(
      () => performance.getEntriesByName('minsheng:kb-results-painted')[0]?.duration ?? null,
    );
    paints.push((await measured.jsonValue()) as number);
  }
  report('kb.paint.p95_ms', percentile(paints, 95), 'ms');
} finally {
  await browser.close();
  await shell.stop();
  rmSync(profile, { recursive: true, force: true });
}
