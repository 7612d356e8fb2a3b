import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile } from '../../main/profile/database-file';
import { createRetentionService } from '../../main/retention/retention-service';
import { PURGED_TITLE } from '../../main/retention/retention-repo';
import { createLogger } from '../../main/log/logger';
import { decryptedCopy, openProfileDb, profileKey } from '../harness/profile-database';
import { context, demoOrder, startSyncedConsole, startTestPlatform, syncStatus, waitFor } from '../harness/sync-fixtures';
import { useTempDirs } from '../harness/temp-dir';
import { seedCallerHistory } from '../harness/history-fixtures';
import { openDatabase } from '../../main/db/open-database';
import type { CallRecord, ScreenPop } from '../../preload/contract';
import { citizenCallRecord } from '../harness/call-record';

const tempDir = useTempDirs();
const DAY = 24 * 3600 * 1000;

const orderRow = (profile: string, id: string) => {
  const db = openProfileDb(profile, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT contact_name, contact_number, address, title, content, purged_at, number, status FROM work_orders WHERE id = ?',
      )
      .get(id) as Record<string, string | null>;
  } finally {
    db.close();
  }
};

describe('retention of closed orders', () => {
  it('clears a closed order’s personal data N days after the platform acknowledged it, never one the platform does not have, never an open one', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    const answered = demoOrder({
      status: 'resolved',
      handlingMode: 'direct',
      contactName: '东方明月',
      contactNumber: '13700001111',
      address: '人民路 66 号留园小区',
      content: '询问公积金提取材料：已当场答复',
    });
    const open = demoOrder({
      contactName: '上官海棠',
      contactNumber: '13700002222',
      address: '竹辉路 9 号',
      content: '路灯不亮一周',
    });
    await services.db.repos.workOrders.create(answered);
    await services.db.repos.workOrders.create(open);
    await waitFor(
      () => syncStatus(services),
      (status) => status.pending === 0 && status.state === 'online',
    );

    // The platform goes away; an order closed now stays unacknowledged however long it waits.
    await platform.close();
    const unsent = demoOrder({
      status: 'resolved',
      handlingMode: 'direct',
      contactName: '欧阳春雨',
      contactNumber: '13700003333',
      address: '十全街 1 号',
      content: '平台未收到的已办结工单',
    });
    await services.db.repos.workOrders.create(unsent);

    const log = createLogger({});
    const retentionAt = (days: number) =>
      createRetentionService({ db: services.db, settings: services.settings, log, now: () => new Date(Date.now() + days * DAY) });
    expect((await retentionAt(179).runOnce()).orders).toBe(0);
    expect(orderRow(dir, answered.id)).toMatchObject({ contact_name: '东方明月', purged_at: null });

    expect((await retentionAt(181).runOnce()).orders).toBe(1);
    const purged = orderRow(dir, answered.id);
    expect(purged).toMatchObject({
      contact_name: null,
      contact_number: null,
      address: '',
      content: '',
      title: PURGED_TITLE,
      number: answered.number,
      status: 'resolved',
    });
    expect(purged.purged_at).not.toBeNull();
    expect(orderRow(dir, open.id)).toMatchObject({ contact_name: '上官海棠', purged_at: null });
    expect(orderRow(dir, unsent.id)).toMatchObject({ contact_name: '欧阳春雨', purged_at: null });
    expect((await retentionAt(5000).runOnce()).orders).toBe(0);

    // A shorter period set in 设置 applies at the next run.
    const second = demoOrder({
      status: 'visited',
      contactName: '南宫秋水',
      contactNumber: '13700004444',
      address: '三元一村 12 幢',
      content: '回访满意',
    });
    await services.db.repos.workOrders.create(second);
    const back = await startTestPlatform(dir, { port: Number(new URL(platform.url).port) });
    services.sync.nudge();
    await waitFor(
      () => syncStatus(services),
      (status) => status.pending === 0 && status.state === 'online',
      30_000,
    );
    const current = await services.settings.current();
    const saved = await services.dispatch('settings.save', { ...current, retentionDays: 30 }, context);
    expect(saved.ok).toBe(true);
    expect((await retentionAt(29).runOnce()).orders).toBe(0);
    // The unsent one reached the platform when it came back: due with the others now.
    expect((await retentionAt(31).runOnce()).orders).toBe(2);
    await services.close();
    await back.close();

    // Gone from the file, not just from queries: the old cells were overwritten (secure_delete) and
    // the WAL emptied, and the outbox no longer carries the pushed payloads.
    const plain = decryptedCopy(databaseFile(dir), profileKey(dir), join(tempDir(), 'plain.sqlite'));
    const bytes = readFileSync(plain).toString('utf8');
    for (const value of ['东方明月', '13700001111', '人民路 66 号留园小区', '南宫秋水', '欧阳春雨', '十全街 1 号'])
      expect(bytes).not.toContain(value);
    expect(bytes).toContain('上官海棠');
  }, 60_000);

  it('clears the numbers of calls that old once the platform has them, then removes callers nothing needs any more; the screen-pop no longer knows them', async () => {
    const dir = tempDir();
    {
      const { db } = openDatabase({ file: databaseFile(dir), key: profileKey(dir) });
      seedCallerHistory(db, { numberKey: '13955556666', name: '诸葛青', open: 0, closed: 2, calls: 3, now: new Date() });
      seedCallerHistory(db, { numberKey: '13955557777', name: '司马光', open: 1, closed: 0, calls: 2, now: new Date() });
      db.close();
    }
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    const call = (id: string, number: string): CallRecord =>
      citizenCallRecord(number, { id, answerAt: null, endAt: new Date().toISOString(), endCause: 'caller_hangup' });
    const acked = '0192f0e4-6a1b-4c3d-8e4f-5a6b7c8d9e01';
    expect((await services.dispatch('phone.recordCall', call(acked, '13955556666'), context)).ok).toBe(true);
    await waitFor(
      () => services.db.repos.outbox.stats(),
      (stats) => stats.pending === 0,
    );
    // Not yet with the platform: kept whatever its age.
    platform.server.faults.pushStatus = { status: 503, times: 1_000 };
    const unsent = '0192f0e4-6a1b-4c3d-8e4f-5a6b7c8d9e02';
    expect((await services.dispatch('phone.recordCall', call(unsent, '13955558888'), context)).ok).toBe(true);

    const retentionAt = (days: number) =>
      createRetentionService({
        db: services.db,
        settings: services.settings,
        log: createLogger({}),
        now: () => new Date(Date.now() + days * DAY),
      });
    expect(await retentionAt(100).runOnce()).toEqual({ orders: 0, calls: 0, callers: 0 });
    // 180 days on: the seeded history (up to 90 days old) and today's call are due, the unsent call is not.
    expect(await retentionAt(181).runOnce()).toEqual({ orders: 2, calls: 6, callers: 1 });
    expect(await retentionAt(181).runOnce()).toEqual({ orders: 0, calls: 0, callers: 0 });

    const db = openProfileDb(dir, { readonly: true });
    const calls = db.prepare('SELECT id, remote_number, caller_id, purged_at FROM calls').all() as Record<
      string,
      string | null
    >[];
    expect(calls.filter((row) => row.purged_at !== null)).toHaveLength(6);
    expect(calls.filter((row) => row.remote_number !== null).map((row) => row.id)).toEqual([unsent]);
    expect(db.prepare('SELECT name FROM callers').pluck().all()).toEqual(['司马光']);
    db.close();

    const pop = await services.dispatch('history.screenPop', { from: '<sip:13955556666@carrier.example>;tag=2' }, context);
    expect(pop.ok && (pop.value as ScreenPop).caller).toBeNull();
    expect(pop.ok && (pop.value as ScreenPop).recentCalls).toEqual([]);
    // The open order's caller stays, with the order; his calls no longer list.
    const kept = await services.dispatch('history.screenPop', { from: '<sip:13955557777@carrier.example>;tag=3' }, context);
    expect(kept.ok && (kept.value as ScreenPop).openOrders).toHaveLength(1);
    expect(kept.ok && (kept.value as ScreenPop).recentCalls).toEqual([]);

    // A late update of a cleared call does not write the number back.
    expect((await services.dispatch('phone.recordCall', call(acked, '13955556666'), context)).ok).toBe(true);
    await services.close();
    await platform.close();
    const plain = decryptedCopy(databaseFile(dir), profileKey(dir), join(tempDir(), 'plain.sqlite'));
    const bytes = readFileSync(plain).toString('utf8');
    for (const value of ['诸葛青', '13955556666']) expect(bytes).not.toContain(value);
    expect(bytes).toContain('13955558888');
  }, 60_000);
});
