import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { openProfileDb, profileKey } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { CallContext, ScreenPop } from '../../../../preload/contract';
import { openDatabase } from '../../../../main/db/open-database';
import { databaseFile } from '../../../../main/profile/database-file';
import { SCREEN_POP_SQL } from '../../../../main/history/screen-pop-repo';
import { CALLER_LOOKUP_SQL } from '../../../../main/callers/callers-repo';
import { seedCallerHistory } from '../../../harness/history-fixtures';
import { useTempDirs } from '../../../harness/temp-dir';
import { startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

const seeded = (seed: (db: BetterSqlite3.Database) => void): string => {
  const profile = tempDir();
  const { db } = openDatabase({ file: databaseFile(profile), key: profileKey(profile) });
  seed(db);
  db.close();
  return profile;
};

const pop = async (profile: string, input: { from?: string; pAssertedIdentity?: string }): Promise<ScreenPop> => {
  const services = await startTestServices(profile);
  try {
    const result = await services.dispatch('history.screenPop', input, context);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ScreenPop;
  } finally {
    await services.close();
  }
};

describe('screen-pop', () => {
  it('shows the caller, open orders first with time left, then the last calls and orders', async () => {
    const now = new Date();
    let history!: ReturnType<typeof seedCallerHistory>;
    const profile = seeded((db) => {
      history = seedCallerHistory(db, {
        numberKey: '13812345678',
        name: '王芳',
        tags: ['重复来电'],
        open: 2,
        closed: 3,
        calls: 5,
        now,
      });
      seedCallerHistory(db, { numberKey: '13900000000', open: 1, closed: 0, calls: 2, now });
    });
    const result = await pop(profile, { from: '"王芳" <sip:+86-138-1234-5678@carrier.example>;tag=1' });

    expect(result.number).toEqual({ kind: 'mobile', display: '138 1234 5678', masked: false, source: 'from' });
    expect(result.caller).toMatchObject({ id: history.callerId, name: '王芳', tags: ['重复来电'], confidential: false });
    expect(result.openOrders.map((order) => order.id)).toEqual(history.openOrderIds);
    expect(result.openOrders[0]!.minutesLeft).toBeLessThan(-23 * 60);
    expect(result.openOrders[1]!.minutesLeft).toBeGreaterThan(47 * 60);
    expect(result.recentCalls).toHaveLength(5);
    expect(result.recentCalls[0]).toMatchObject({ answered: true, durationSeconds: 185, agentId: 'A0001' });
    expect(result.recentOrders).toHaveLength(5);
    // 5 calls on days 1, 6, 11, 16, 21: all within 30 days.
    expect(result.repeatCalls30d).toBe(5);
  });

  it('finds the same caller however the INVITE writes the number, preferring P-Asserted-Identity', async () => {
    const now = new Date();
    const profile = seeded((db) => seedCallerHistory(db, { numberKey: '051267891234', open: 1, closed: 0, calls: 1, now }));
    const services = await startTestServices(profile);
    for (const input of [
      { from: 'sip:0512-6789-1234@pbx' },
      { from: '<tel:+86-512-67891234>' },
      { from: 'sip:13900000000@pbx', pAssertedIdentity: '<sip:+8651267891234@ims;user=phone>' },
    ]) {
      const result = await services.dispatch('history.screenPop', input, context);
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: true,
        value: { caller: { regionCode: '320505001' }, openOrders: [{}] },
      });
    }
    await services.close();
  });

  it('answers a withheld number with a clear state and no history', async () => {
    const profile = seeded(() => {});
    expect(await pop(profile, { from: '"Anonymous" <sip:anonymous@anonymous.invalid>' })).toMatchObject({
      number: { kind: 'withheld', display: '号码未显示' },
      caller: null,
      openOrders: [],
    });
  });

  it('masks a confidential caller until revealed, and records who revealed it', async () => {
    const now = new Date();
    let callerId = '';
    const profile = seeded((db) => {
      callerId = seedCallerHistory(db, {
        numberKey: '13812341234',
        name: '李四',
        confidential: true,
        open: 1,
        closed: 0,
        calls: 1,
        now,
      }).callerId;
    });
    const services = await startTestServices(profile);
    await services.dispatch(
      'settings.save',
      { pbxServers: [], sipExtension: '', sipAuthUser: '', displayName: '', platformUrl: '', centreCode: '', agentId: 'SZ-0042' },
      context,
    );
    const shown = await services.dispatch('history.screenPop', { from: 'sip:13812341234@pbx' }, context);
    expect(shown).toMatchObject({
      ok: true,
      value: { number: { display: '138****1234', masked: true }, caller: { name: null, confidential: true } },
    });
    expect(JSON.stringify(shown)).not.toContain('13812341234');

    const revealed = await services.dispatch('history.revealNumber', { callerId, screen: 'caller-panel' }, context);
    expect(revealed).toEqual({ ok: true, value: { display: '138 1234 1234' } });
    await services.close();

    const db = openProfileDb(profile, { readonly: true });
    const audit = db.prepare('SELECT actor, action, caller_id, screen FROM audit_log ORDER BY seq').all();
    expect(audit).toEqual([
      // Configuring the console is audited too (which settings changed, not their values).
      { actor: 'SZ-0042', action: 'settings_changed', caller_id: null, screen: 'settings' },
      { actor: 'SZ-0042', action: 'view_caller', caller_id: callerId, screen: 'caller-panel' },
      { actor: 'SZ-0042', action: 'reveal_number', caller_id: callerId, screen: 'caller-panel' },
    ]);
    expect(db.prepare("SELECT count(*) FROM outbox WHERE stream = 'audit'").pluck().get()).toBe(3);
    db.close();
  });

  it('opens a work order with its whole status history', async () => {
    const now = new Date();
    let orderId = '';
    const profile = seeded((db) => {
      orderId = seedCallerHistory(db, { numberKey: '13812345678', open: 1, closed: 0, calls: 0, now }).openOrderIds[0]!;
    });
    const services = await startTestServices(profile);
    const detail = await services.dispatch('history.workOrder', { workOrderId: orderId }, context);
    expect(detail).toMatchObject({
      ok: true,
      value: {
        id: orderId,
        leadDepartment: '城市管理局',
        events: [{ kind: 'registered' }, { kind: 'dispatched', note: '派至城市管理局' }],
      },
    });
    expect(
      await services.dispatch('history.workOrder', { workOrderId: '0192f0c6-0000-7000-8000-000000000000' }, context),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await services.dispatch('history.workOrder', { workOrderId: "1' OR '1'='1" }, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await services.close();
  });

  it('reads through indexes only, and the calls and orders from covering indexes (no table page of either)', () => {
    const { db } = openDatabase({ file: join(tempDir(), 'plan.sqlite') });
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail).join(' | ');
    const plans = {
      anyBlindIndex: plan(CALLER_LOOKUP_SQL.anyBlindIndex),
      caller: plan(CALLER_LOOKUP_SQL.clear, '1'),
      callerBothForms: plan(CALLER_LOOKUP_SQL.both, '1', '1'),
      repeat: plan(SCREEN_POP_SQL.repeat, 'x', '2026'),
      open: plan(SCREEN_POP_SQL.open, 'x'),
      calls: plan(SCREEN_POP_SQL.calls, 'x', 20),
      orders: plan(SCREEN_POP_SQL.orders, 'x', 20),
      urged: plan(SCREEN_POP_SQL.urged, '["x"]'),
      lastSteps: plan(SCREEN_POP_SQL.lastSteps, '["x"]'),
    };
    for (const detail of Object.values(plans)) {
      expect(detail).not.toMatch(/SCAN (calls|work_orders|callers)\b(?! USING)/);
      expect(detail).not.toMatch(/USE TEMP B-TREE/);
    }
    expect(plans.anyBlindIndex).toMatch(/USING COVERING INDEX sqlite_autoindex_callers/);
    expect(plans.caller).toMatch(/USING INDEX sqlite_autoindex_callers/);
    expect(plans.callerBothForms).toMatch(/USING INDEX sqlite_autoindex_callers/);
    expect(plans.repeat).toContain('USING COVERING INDEX calls_by_caller');
    expect(plans.calls).toContain('USING COVERING INDEX calls_by_caller');
    expect(plans.open).toContain('USING COVERING INDEX work_orders_open_by_caller');
    expect(plans.orders).toContain('USING COVERING INDEX work_orders_by_caller');
    expect(plans.urged).toContain('USING COVERING INDEX work_order_events_urged');
    expect(plans.lastSteps).toContain('USING COVERING INDEX work_order_events_by_order');
    expect(plans.lastSteps).toMatch(/SEARCH e USING INTEGER PRIMARY KEY/);
    db.close();
  });
});
