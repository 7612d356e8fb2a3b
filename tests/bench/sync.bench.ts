// Suite `sync`: against the reference platform on loopback. Push of 10,000 orders queued during an
// outage, the first pull of a 222 k-entry encyclopedia, and a delta pull of 1,000 changes.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SyncStatusView } from '../../preload/contract';
import type { DeskServices } from '../../main/services';
import { demoOrder, startSyncedConsole, syncStatus, waitFor } from '../harness/sync-fixtures';
import { startPlatformProcess } from '../harness/platform-process';
import { seedPlatformDemo } from '../platform/platform-demo';
import { openPlatformStore } from '../platform/platform-store';
import { report } from './bench-output';
import { generateKbCorpus } from './kb-corpus';

const dir = mkdtempSync(join(tmpdir(), 'minsheng-bench-sync-'));
const platformDb = join(dir, 'platform.sqlite');
const port = 21_000 + Math.floor(Math.random() * 10_000);
// The platform runs in its own process, as it would on its own machine.
const seeded = openPlatformStore(platformDb);
seedPlatformDemo(seeded, { history: false });
seeded.close();
let remote = await startPlatformProcess(platformDb, port);
const context = { transport: 'test' as const, origin: 'bench://' };
const kbCount = async (services: DeskServices): Promise<number> => {
  const result = await services.dispatch('kb.status', undefined, context);
  return result.ok ? (result.value as { entries: number }).entries : -1;
};
const online = (services: DeskServices) =>
  waitFor(
    () => syncStatus(services),
    (status: SyncStatusView) => status.state === 'online' && status.pending === 0,
    600_000,
  );

// 1. Push: 10,000 orders queued while the console could not reach the platform.
{
  mkdirSync(join(dir, 'push'));
  const console1 = await startSyncedConsole(join(dir, 'push'), remote.url);
  await online(console1);
  for (let index = 0; index < 10_000; index += 1) await console1.db.repos.workOrders.create(demoOrder());
  let drainedAt = 0;
  const started = performance.now();
  const unsubscribe = console1.events.subscribe((event, payload) => {
    if (event === 'sync.status' && (payload as SyncStatusView).pending === 0 && drainedAt === 0) drainedAt = performance.now();
  });
  console1.sync.nudge();
  await waitFor(
    async () => drainedAt,
    (at) => at > 0,
    600_000,
  );
  unsubscribe();
  report('sync.push_10k_s', (drainedAt - started) / 1000, 's');
  await online(console1);
  await console1.close();
}

await remote.kill();
const check = openPlatformStore(platformDb);
if (check.count('work_order') !== 10_000) throw new Error(`platform holds ${check.count('work_order')} orders`);
check.close();

// 2. First pull of the encyclopedia at real size (222 k generated + the 2,262 real items), from a
// platform in its own process, as it would be on its own machine.
const generated = [...generateKbCorpus({ info: 72_000, qa: 150_000, today: '2026-11-27' })];
const preload = openPlatformStore(platformDb);
preload.publishSharedBatch(
  generated.map((entry) => ({
    stream: 'kb_entries' as const,
    id: entry.id,
    op: 'upsert' as const,
    version: entry.version,
    data: entry,
  })),
);
preload.close();
const total = generated.length + 2262;
remote = await startPlatformProcess(platformDb, port);
const console2Dir = join(dir, 'pull');
mkdirSync(console2Dir);
const pullStarted = performance.now();
const console2 = await startSyncedConsole(console2Dir, remote.url, 'A0002');
await waitFor(
  () => kbCount(console2),
  (count) => count === total,
  600_000,
);
report('sync.pull_kb_s', (performance.now() - pullStarted) / 1000, 's');
await online(console2);

// 3. Delta: 1,000 entries changed on the platform.
const editor = openPlatformStore(platformDb);
editor.publishSharedBatch(
  generated.slice(0, 1000).map((entry) => ({
    stream: 'kb_entries' as const,
    id: entry.id,
    op: 'upsert' as const,
    version: 2,
    data: { ...entry, version: 2, title: `${entry.title}（修订）` },
  })),
);
editor.close();
const deltaStarted = performance.now();
console2.sync.nudge();
await waitFor(
  async () => {
    const result = await console2.dispatch('kb.entry', { id: generated[999]!.id }, context);
    return result.ok ? (result.value as { title: string }).title : '';
  },
  (title) => title.endsWith('（修订）'),
  120_000,
);
report('sync.delta_1k_s', (performance.now() - deltaStarted) / 1000, 's');
await console2.close();
await remote.kill();
rmSync(dir, { recursive: true, force: true });
