import { type IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../preload/contract';
import type { DeskServices } from '../../main/services';
import { enqueueOutbox } from '../../main/sync/outbox-repo';
import { context, demoOrder, startSyncedConsole, startTestPlatform, syncStatus, waitFor } from '../harness/sync-fixtures';
import { profileKey } from '../harness/profile-database';
import { useTempDirs } from '../harness/temp-dir';

const tempDir = useTempDirs();

const writeOrders = async (services: DeskServices, count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) ids.push(await services.db.repos.workOrders.create(demoOrder()));
  return ids;
};

const drained = (services: DeskServices) =>
  waitFor(
    () => syncStatus(services),
    (status) => status.pending === 0 && status.state === 'online',
  );

describe('sync with the platform', () => {
  it('delivers 2,000 orders written while the platform was down, once each, when it is back', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const port = Number(new URL(platform.url).port);
    const services = await startSyncedConsole(dir, platform.url);
    await platform.close();

    const ids = await writeOrders(services, 2000);
    const offline = await waitFor(
      () => syncStatus(services),
      (status) => status.state === 'offline' && status.pending === 2000,
    );
    expect(offline).toMatchObject({ pending: 2000, lastError: '无法连接平台' });
    expect(offline.oldestPendingAt).not.toBeNull();

    const back = await startTestPlatform(dir, { port });
    services.sync.nudge();
    await waitFor(
      () => syncStatus(services),
      (status) => status.pending === 0 && status.state === 'online',
      30_000,
    );
    expect(back.store.recordIds('work_order').sort()).toEqual([...ids].sort());
    expect(back.store.appliedCount('work_order')).toBe(2000);
    await services.close();
    await back.close();
    // Its own wait for the drain is 30 s: the default 20 s test timeout cut it short on a busy CI machine.
  }, 60_000);

  it('keeps each record’s changes in order: an update never overtakes its create', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    platform.server.faults.pushStatus = { status: 503, times: 2 };
    const id = await services.db.repos.workOrders.create(demoOrder());
    // A second change of the same record, as a later status update would queue it.
    await services.db.repos.outbox.settle([], new Date().toISOString());
    const { db } = await import('../../main/db/open-database').then((module) =>
      module.openDatabase({ file: `${dir}/minsheng-desk.sqlite`, key: profileKey(dir) }),
    );
    db.transaction(() =>
      enqueueOutbox(db, {
        stream: 'work_order',
        recordId: id,
        op: 'update',
        payload: { ...demoOrder({ id }), id, title: '更新后的标题' },
        at: new Date().toISOString(),
      }),
    )();
    db.close();
    services.sync.nudge();
    await drained(services);
    expect(platform.store.recordData('work_order', id)).toMatchObject({ title: '更新后的标题' });
    await services.close();
    await platform.close();
  });

  it('does not duplicate when the response to a committed push is lost', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    platform.server.faults.dropResponseAfterCommit = 1;
    const ids = await writeOrders(services, 50);
    services.sync.nudge();
    await drained(services);
    expect(platform.store.recordIds('work_order').sort()).toEqual([...ids].sort());
    expect(platform.store.appliedCount('work_order')).toBe(50);
    expect(platform.server.requests.push).toBeGreaterThanOrEqual(2);
    await services.close();
    await platform.close();
  });

  it.each([
    [
      'HTTP 500',
      (faults: Record<string, unknown>) => (faults.pushStatus = { status: 500, times: 2 }),
      '平台内部错误（HTTP 500）',
    ],
    ['garbage JSON', (faults: Record<string, unknown>) => (faults.pushGarbage = 2), '平台返回的数据无法识别'],
    [
      'a schema-invalid body',
      (faults: Record<string, unknown>) => (faults.pushInvalidSchema = 2),
      '平台返回的数据无法识别：results',
    ],
    ['a timeout', (faults: Record<string, unknown>) => (faults.pushDelayMs = { ms: 3000, times: 1 }), '平台响应超时'],
  ])(
    'retries with backoff after %s, shows the error, and drops nothing',
    async (_name, inject, message) => {
      const dir = tempDir();
      const platform = await startTestPlatform(dir);
      const services = await startSyncedConsole(dir, platform.url);
      inject(platform.server.faults as Record<string, unknown>);
      // Every status the engine publishes: the failure may last only one backoff interval.
      const seen: SyncStatusView[] = [];
      services.events.subscribe((event, payload) => {
        if (event === 'sync.status') seen.push(payload as SyncStatusView);
      });
      const ids = await writeOrders(services, 20);
      services.sync.nudge();
      await waitFor(
        async () => seen.some((status) => status.nextRetryAt !== null),
        (found) => found,
        25_000,
      );
      const failed = seen.find((status) => status.nextRetryAt !== null);
      expect(failed).toMatchObject({ state: 'offline', lastError: message });
      await waitFor(
        () => syncStatus(services),
        (status) => status.pending === 0 && status.state === 'online',
        30_000,
      );
      expect(platform.store.recordIds('work_order').sort()).toEqual([...ids].sort());
      expect(platform.store.appliedCount('work_order')).toBe(20);
      await services.close();
      await platform.close();
    },
    60_000,
  );

  it('quarantines a poison item with the platform’s reason and delivers the others', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    const good = await writeOrders(services, 5);
    const poison = await services.db.repos.workOrders.create(demoOrder({ title: '' }));
    const more = await writeOrders(services, 5);
    services.sync.nudge();
    await waitFor(
      () => syncStatus(services),
      (status) => status.pending === 0 && status.quarantined === 1 && status.state === 'online',
    );
    expect(platform.store.recordIds('work_order').sort()).toEqual([...good, ...more].sort());
    const quarantined = await services.dispatch('sync.quarantined', undefined, context);
    expect(quarantined).toMatchObject({
      ok: true,
      value: [{ recordId: poison, stream: 'work_order', error: expect.stringContaining('title') }],
    });
    await services.close();
    await platform.close();
  });

  it('delivers new orders past 2,000 quarantined ones at the head of the outbox', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    for (let index = 0; index < 2000; index += 1) await services.db.repos.workOrders.create(demoOrder({ title: '' }));
    services.sync.nudge();
    await waitFor(
      () => syncStatus(services),
      (status) => status.quarantined >= 2000 && status.pending === 0,
      60_000,
    );
    const fresh = await writeOrders(services, 5);
    services.sync.nudge();
    await waitFor(
      () => syncStatus(services),
      (status) => status.pending === 0 && status.state === 'online',
      30_000,
    );
    expect(platform.store.recordIds('work_order').sort()).toEqual([...fresh].sort());
    await services.close();
    await platform.close();
  }, 120_000);

  it('splits a batch of very long orders under the platform’s request limit instead of failing it forever', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const port = Number(new URL(platform.url).port);
    const services = await startSyncedConsole(dir, platform.url);
    // Written while the platform is away, so that they wait in one queue as after a day offline.
    await platform.close();
    // Content and reply at their 5,000-character limits, in Chinese: ~30 KB each, ~9 MB for 300 (the platform takes 8 MiB).
    const long = '夜间施工噪音扰民要求处理'.repeat(417).slice(0, 5000);
    const ids: string[] = [];
    for (let index = 0; index < 300; index += 1)
      ids.push(await services.db.repos.workOrders.create(demoOrder({ content: long, reply: long, handlingMode: 'direct' })));
    const back = await startTestPlatform(dir, { port });
    services.sync.nudge();
    await waitFor(
      () => syncStatus(services),
      (status) => status.pending === 0 && status.state === 'online',
      60_000,
    );
    expect((await syncStatus(services)).quarantined).toBe(0);
    expect(back.store.recordIds('work_order').sort()).toEqual([...ids].sort());
    await services.close();
    await back.close();
  }, 120_000);

  it('a changed 平台地址 gets neither the token nor the waiting items until the agent signs in there', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    await drained(services);
    await platform.close();
    await writeOrders(services, 5);
    // Another server that would say "applied" to anything it is sent.
    const seen: { authorization: string | undefined; url: string | undefined }[] = [];
    const rogue = createServer((request: IncomingMessage, response) => {
      seen.push({ authorization: request.headers.authorization, url: request.url });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"results":[]}');
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', () => resolve()));
    const rogueUrl = `http://127.0.0.1:${(rogue.address() as AddressInfo).port}`;
    const settings = await services.settings.current();
    const saved = await services.dispatch('settings.save', { ...settings, platformUrl: rogueUrl }, context);
    expect(saved.ok).toBe(true);
    services.sync.nudge();
    const status = await waitFor(
      () => syncStatus(services),
      (value) => value.state === 'signed-out',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The five orders and the audited change of 平台地址 itself.
    expect(status.pending).toBe(6);
    expect(seen.filter((request) => request.authorization !== undefined || /token=/.test(request.url ?? ''))).toEqual([]);
    expect(seen.filter((request) => request.url?.startsWith('/v1/push'))).toEqual([]);
    await services.close();
    await new Promise<void>((resolve) => rogue.close(() => resolve()));
  });

  it('another platform answering at the same address acknowledges nothing: the items wait for the one that issued the token', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const port = Number(new URL(platform.url).port);
    const services = await startSyncedConsole(dir, platform.url);
    await drained(services);
    await platform.close();
    await writeOrders(services, 5);
    // The address now reaches another server that takes any token and says "applied" to every item.
    let offered = 0;
    const stranger = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const items = request.url === '/v1/push' ? (JSON.parse(body) as { items: { itemId: string }[] }).items : [];
        offered += items.length;
        const results = items.map((item) => ({ itemId: item.itemId, status: 'applied' }));
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ platformId: 'stranger-0001', results }));
      });
    });
    await new Promise<void>((resolve) => stranger.listen(port, '127.0.0.1', () => resolve()));
    services.sync.nudge();
    const status = await waitFor(
      () => syncStatus(services),
      (value) => value.state === 'signed-out',
    );
    expect(offered).toBeGreaterThan(0);
    expect(status.lastError).toContain('另一台服务器');
    expect(status.pending).toBe(5);
    await services.close();
    await new Promise<void>((resolve) => stranger.close(() => resolve()));
  });

  it('whatever service queues an outbox row nudges sync by itself: a settled search that found nothing arrives at once', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    // Polling every 60 s: only the nudge can bring the row over within the wait below.
    const services = await startSyncedConsole(dir, platform.url);
    await drained(services);
    const searched = await services.dispatch(
      'kb.search',
      { query: '完全不存在的词条', callerRegion: null, kind: null, department: null, settled: true },
      context,
    );
    expect(searched.ok).toBe(true);
    await waitFor(
      async () => platform.store.count('kb_usage'),
      (count) => count === 1,
      3_000,
    );
    await services.close();
    await platform.close();
  });

  it('立即同步 pressed during a cycle joins it: the same items are never pushed twice at once', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    await drained(services);
    // A slow push: a cycle running alongside it would send its items again.
    platform.server.faults.pushDelayMs = { ms: 300, times: 1 };
    const before = platform.server.requests.pushedItems;
    await writeOrders(services, 3);
    const [first, second] = await Promise.all([
      services.dispatch('sync.syncNow', undefined, context),
      services.dispatch('sync.syncNow', undefined, context),
    ]);
    expect(first.ok && second.ok).toBe(true);
    // However the cycles fall (the writes' own nudges, the two presses), each item went over once.
    expect(platform.server.requests.pushedItems - before).toBe(3);
    expect(platform.store.appliedCount('work_order')).toBe(3);
    await services.close();
    await platform.close();
  });

  it('lets two consoles of one centre see each other’s orders, and the platform’s status come back', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const first = await startSyncedConsole(tempDir(), platform.url, 'A0001');
    const second = await startSyncedConsole(tempDir(), platform.url, 'A0002');
    const [fromFirst] = await writeOrders(first, 1);
    const [fromSecond] = await writeOrders(second, 1);
    first.sync.nudge();
    second.sync.nudge();
    await drained(first);
    await drained(second);
    const seen = async (services: DeskServices, id: string) => {
      const result = await services.dispatch('history.workOrder', { workOrderId: id }, context);
      return result.ok ? (result.value as { status: string; events: { kind: string }[] }) : null;
    };
    await waitFor(
      () => seen(second, fromFirst!),
      (order) => order !== null,
    );
    await waitFor(
      () => seen(first, fromSecond!),
      (order) => order !== null,
    );

    // A department accepts the first console's order on the platform; the live channel brings it back.
    platform.store.setOrderStatus(fromFirst!, 'accepted', '城市管理局', '已签收');
    first.sync.nudge();
    const updated = await waitFor(
      () => seen(first, fromFirst!),
      (order) => order?.status === 'accepted',
    );
    expect(updated?.events.map((event) => event.kind)).toContain('accepted');
    await first.close();
    await second.close();
    await platform.close();
  });

  it('downloads the encyclopedia, synonyms and calendars on first sign-in', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    await waitFor(
      async () => (await services.dispatch('kb.status', undefined, context)) as { ok: boolean; value?: { entries: number } },
      (result) => result.value?.entries === 2262,
      30_000,
    );
    const hits = await services.dispatch(
      'kb.search',
      { query: '公证', callerRegion: null, kind: null, department: null, settled: false },
      context,
    );
    expect(hits.ok && (hits.value as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    await services.close();
    await platform.close();
  });
});

describe('softphone records reach the platform', () => {
  it('call records (each step) and agent state changes arrive in their streams', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    const id = '0192f0e4-6a1b-7c3d-8e4f-5a6b7c8d9e0f';
    const ring = {
      id,
      sipCallId: 'abc@pbx',
      direction: 'inbound',
      from: '<sip:13812345678@carrier.example>;tag=1',
      pAssertedIdentity: null,
      privacy: null,
      remoteNumber: '13812345678',
      ringAt: new Date().toISOString(),
      answerAt: null,
      endAt: null,
      endCause: null,
      transferTarget: null,
    };
    expect((await services.dispatch('phone.recordCall', ring, context)).ok).toBe(true);
    const ended = { ...ring, answerAt: new Date().toISOString(), endAt: new Date().toISOString(), endCause: 'caller_hangup' };
    expect((await services.dispatch('phone.recordCall', ended, context)).ok).toBe(true);
    const state = { state: 'wrap-up', reason: null, phoneRegistered: true, at: new Date().toISOString() };
    expect((await services.dispatch('phone.agentStateChanged', state, context)).ok).toBe(true);
    services.sync.nudge();
    await drained(services);
    expect(platform.store.recordIds('call')).toEqual([id]);
    expect(platform.store.recordData('call', id)).toMatchObject({ endCause: 'caller_hangup', remoteNumber: '13812345678' });
    expect(platform.store.recordIds('agent_state')).toHaveLength(1);
    await services.close();
    await platform.close();
  });
});
