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
    expect(await retentionAt(179).runOnce()).toBe(0);
    expect(orderRow(dir, answered.id)).toMatchObject({ contact_name: '东方明月', purged_at: null });

    expect(await retentionAt(181).runOnce()).toBe(1);
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
    expect(await retentionAt(5000).runOnce()).toBe(0);

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
    expect(await retentionAt(29).runOnce()).toBe(0);
    // The unsent one reached the platform when it came back: due with the others now.
    expect(await retentionAt(31).runOnce()).toBe(2);
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
});
