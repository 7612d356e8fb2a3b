import { describe, expect, it } from 'vitest';
import type { CallContext, ScreenPop } from '../../../../preload/contract';
import { openDatabase } from '../../../../main/db/open-database';
import { workOrderHistoryRepo } from '../../../../main/history/work-order-history-repo';
import { databaseFile } from '../../../../main/profile/database-file';
import { seedCallerHistory } from '../../../harness/history-fixtures';
import { openProfileDb, profileKey } from '../../../harness/profile-database';
import { useTempDirs } from '../../../harness/temp-dir';
import { configureForOrders, startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

describe('催办 from the caller panel (real SQLite, through the contract)', () => {
  it('records one event and one outbox row per press, shows the count on the open order, and refuses closed or unknown orders', async () => {
    const profile = tempDir();
    let seeded!: ReturnType<typeof seedCallerHistory>;
    {
      const { db } = openDatabase({ file: databaseFile(profile), key: profileKey(profile) });
      seeded = seedCallerHistory(db, { numberKey: '13812345678', name: '王芳', open: 2, closed: 1, calls: 0, now: new Date() });
      db.close();
    }
    const services = await startTestServices(profile);
    try {
      await configureForOrders(services, 'A0042');
      const [openId, otherOpenId] = seeded.openOrderIds as [string, string];
      const first = await services.dispatch('history.urge', { workOrderId: openId }, context);
      expect(first).toMatchObject({ ok: true, value: { urgedCount: 1, alreadyRecorded: false } });
      // A double press: the count, no second event.
      const again = await services.dispatch('history.urge', { workOrderId: openId }, context);
      expect(again).toMatchObject({ ok: true, value: { urgedCount: 1, alreadyRecorded: true } });

      const pop = await services.dispatch('history.screenPop', { from: '<sip:13812345678@carrier.example>;tag=1' }, context);
      const open = (pop as { value: ScreenPop }).value.openOrders;
      expect(open.find((order) => order.id === openId)?.urgedCount).toBe(1);
      expect(open.find((order) => order.id === otherOpenId)?.urgedCount).toBe(0);

      expect(await services.dispatch('history.urge', { workOrderId: seeded.closedOrderIds[0]! }, context)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('已办结') as unknown },
      });
      expect(
        await services.dispatch('history.urge', { workOrderId: '0192f0e4-6a1b-7c3d-8e4f-5a6b7c8d9e0f' }, context),
      ).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await services.dispatch('history.urge', { workOrderId: "1' OR '1'='1" }, context)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    } finally {
      await services.close();
    }
    const db = openProfileDb(profile, { readonly: true });
    const queued = db
      .prepare(
        "SELECT payload_json FROM outbox WHERE stream = 'work_order_event' AND json_extract(payload_json, '$.kind') = 'urged'",
      )
      .pluck()
      .all() as string[];
    db.close();
    expect(queued.map((json) => JSON.parse(json) as unknown)).toEqual([
      expect.objectContaining({ workOrderId: seeded.openOrderIds[0], kind: 'urged', actor: 'A0042', note: '来电人来电催办' }),
    ]);
  });

  it('a citizen calling again after a minute chases again; a press within the minute does not', () => {
    const { db } = openDatabase({ file: databaseFile(tempDir()) });
    const { openOrderIds } = seedCallerHistory(db, { numberKey: '13900001111', open: 1, closed: 0, calls: 0, now: new Date() });
    const urge = (at: string) => workOrderHistoryRepo.urge(db, { workOrderId: openOrderIds[0]!, actor: 'A1', at });
    expect(urge('2026-12-07T02:00:00.000Z')).toMatchObject({ kind: 'recorded', count: 1 });
    expect(urge('2026-12-07T02:00:59.000Z')).toMatchObject({ kind: 'already-recorded', count: 1 });
    expect(urge('2026-12-07T02:01:01.000Z')).toMatchObject({ kind: 'recorded', count: 2 });
    expect(db.prepare("SELECT count(*) FROM work_order_events WHERE kind = 'urged'").pluck().get()).toBe(2);
    db.close();
  });
});
