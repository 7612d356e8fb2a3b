import { describe, expect, it } from 'vitest';
import type { OrderSummary, ScreenPop, WorkOrderDetail } from '../../preload/contract';
import { insertCallerRow } from '../../main/callers/callers-repo';
import { openDatabase } from '../../main/db/open-database';
import { databaseFile } from '../../main/profile/database-file';
import { uuidv7 } from '../../main/shared/domain/uuid-v7';
import { profileKey } from '../harness/profile-database';
import { context, demoOrder, startSyncedConsole, startTestPlatform, waitFor } from '../harness/sync-fixtures';
import { useTempDirs } from '../harness/temp-dir';

const tempDir = useTempDirs();
const NUMBER = '13912345678';
const DAY = 24 * 3600 * 1000;

describe('the order’s whole life, from the platform to the caller panel (real platform, real SQLite)', () => {
  it('shows every department step with its clock, tells a panel on screen, and sends 催办 and 回访 back', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    const changed: unknown[] = [];
    services.events.subscribe((event, payload) => {
      if (event === 'history.ordersChanged') changed.push(payload);
    });

    // A caller known to this console, and the order registered for them, with the platform.
    const callerId = uuidv7();
    const raw = openDatabase({ file: databaseFile(dir), key: profileKey(dir) }).db;
    insertCallerRow(raw, {
      id: callerId,
      numberKey: NUMBER,
      numberKind: 'mobile',
      name: '欧阳明',
      tags: [],
      confidential: false,
      regionCode: '320505',
      createdAt: new Date().toISOString(),
    });
    raw.close();
    const deadline = new Date(Date.now() + 10 * DAY).toISOString();
    const orderId = await services.db.repos.workOrders.create(demoOrder({ callerId, deadlineAt: deadline }));
    services.sync.nudge();
    await waitFor(
      async () => platform.store.recordData('work_order', orderId),
      (order) => order !== null,
    );

    const detail = async () => {
      const result = await services.dispatch('history.workOrder', { workOrderId: orderId }, context);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as WorkOrderDetail;
    };
    const pop = async () => {
      const result = await services.dispatch('history.screenPop', { from: `<sip:${NUMBER}@127.0.0.1>` }, context);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as ScreenPop;
    };
    const departmentActs = async (step: Parameters<typeof platform.store.departmentStep>[1], expectedSteps: number) => {
      const centre = platform.store.departmentStep(orderId, step);
      platform.server.announce(centre ?? '*', ['work_orders']);
      return waitFor(detail, (order) => order.events.length === expectedSteps);
    };

    await departmentActs(
      { kind: 'dispatched', status: 'dispatched', actor: '市热线办', note: null, department: '城市管理局' },
      2,
    );
    const dispatched = (await pop()).openOrders[0] as OrderSummary;
    expect(dispatched.step).toMatchObject({
      kind: 'dispatched',
      department: '城市管理局',
      clock: { kind: 'accept', metAt: null },
    });
    expect(dispatched.step?.clock?.minutesLeft).toBeGreaterThan(0);
    // The console heard that this caller's orders changed (a panel showing them looks again).
    expect(changed).toContainEqual({ callerIds: [callerId] });

    await departmentActs({ kind: 'accepted', status: 'accepted', actor: '张科长', note: '已签收', department: '城市管理局' }, 3);
    await departmentActs(
      { kind: 'postponed', outcome: 'requested', actor: '张科长', note: '需协调供电公司', department: '城市管理局' },
      4,
    );
    expect((await pop()).openOrders[0]?.step).toMatchObject({
      kind: 'postponed',
      outcome: 'requested',
      clock: { kind: 'postpone-decision', metAt: null },
    });
    const postponedTo = new Date(Date.now() + 20 * DAY).toISOString();
    await departmentActs(
      {
        kind: 'postponed',
        outcome: 'approved',
        status: 'postponed',
        deadlineAt: postponedTo,
        dueAt: postponedTo,
        actor: '市热线办',
        note: '同意延期',
        department: '市热线办',
      },
      5,
    );
    const afterPostpone = await pop();
    expect(afterPostpone.openOrders[0]).toMatchObject({ status: 'postponed', deadlineAt: postponedTo });
    expect(afterPostpone.openOrders[0]?.step?.clock).toMatchObject({ kind: 'resolve', dueAt: postponedTo, metAt: null });

    // The citizen calls to chase it: the 催办 names the department and the clock it is on, and reaches the platform.
    const urged = await services.dispatch('history.urge', { workOrderId: orderId }, context);
    expect(urged.ok).toBe(true);
    services.sync.nudge();
    const urgedOnPlatform = await waitFor(
      async () =>
        platform.store
          .recordIds('work_order_event')
          .map((id) => platform.store.recordData('work_order_event', id))
          .find((event) => event?.kind === 'urged'),
      (event) => event !== undefined,
    );
    expect(urgedOnPlatform).toMatchObject({ workOrderId: orderId, department: '城市管理局', dueAt: postponedTo });

    await departmentActs({ kind: 'resolved', status: 'resolved', actor: '张科长', note: '已处理', department: '城市管理局' }, 7);
    const steps = (await detail()).events;
    expect(steps.map((step) => [step.kind, step.outcome])).toEqual([
      ['registered', null],
      ['dispatched', null],
      ['accepted', null],
      ['postponed', 'requested'],
      ['postponed', 'approved'],
      ['urged', null],
      ['resolved', null],
    ]);
    // Each clock stopped at the step answering it, in time here.
    expect(steps[1]?.clock).toMatchObject({ kind: 'accept', metAt: steps[2]?.at });
    expect(steps[3]?.clock).toMatchObject({ kind: 'postpone-decision', metAt: steps[4]?.at });
    expect(steps[4]?.clock).toMatchObject({ kind: 'resolve', metAt: steps[6]?.at });
    expect(steps[6]?.clock).toMatchObject({ kind: 'visit', metAt: null });
    for (const step of steps) if (step.clock?.metAt) expect(step.clock.minutesLeft).toBeGreaterThanOrEqual(0);

    // The 回访 call: satisfaction in one action; refused for an order not resolved; the platform moves it on.
    expect(await services.dispatch('history.recordVisit', { workOrderId: orderId, satisfaction: '满意' }, context)).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_INPUT' },
      },
    );
    const visited = await services.dispatch(
      'history.recordVisit',
      { workOrderId: orderId, satisfaction: 'basically_satisfied' },
      context,
    );
    expect(visited).toMatchObject({ ok: true, value: { status: 'visited' } });
    expect(
      await services.dispatch('history.recordVisit', { workOrderId: orderId, satisfaction: 'satisfied' }, context),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '只有已办结的工单可以登记回访结果' },
    });
    services.sync.nudge();
    await waitFor(
      async () => platform.store.recordData('work_order', orderId)?.status,
      (status) => status === 'visited',
    );
    const final = await detail();
    expect(final.status).toBe('visited');
    expect(final.events.at(-1)).toMatchObject({ kind: 'visited', outcome: 'basically_satisfied', note: null });
    expect(final.events.at(-2)?.clock).toMatchObject({ kind: 'visit', metAt: final.events.at(-1)?.at });

    await services.close();
    await platform.close();
  }, 60_000);

  it('skips a pulled step whose outcome does not fit it, and keeps the order it belongs to as it was', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    const orderId = await services.db.repos.workOrders.create(demoOrder());
    const witnessId = await services.db.repos.workOrders.create(demoOrder());
    services.sync.nudge();
    await waitFor(
      async () => platform.store.recordData('work_order', witnessId),
      (order) => order !== null,
    );
    platform.store.departmentStep(orderId, {
      kind: 'accepted',
      status: 'accepted',
      outcome: 'satisfied',
      actor: '平台',
      note: null,
    });
    // A valid change published after it: once it is here, the bad one was pulled (and skipped) before it.
    const centre = platform.store.departmentStep(witnessId, { kind: 'accepted', status: 'accepted', actor: '平台', note: null });
    platform.server.announce(centre ?? '*', ['work_orders']);
    const open = (id: string) => services.dispatch('history.workOrder', { workOrderId: id }, context);
    await waitFor(
      () => open(witnessId),
      (result) => result.ok && (result.value as WorkOrderDetail).status === 'accepted',
    );
    const result = await open(orderId);
    expect(result).toMatchObject({ ok: true, value: { status: 'registered' } });
    expect(result.ok && (result.value as WorkOrderDetail).events.map((event) => event.kind)).toEqual(['registered']);
    await services.close();
    await platform.close();
  });
});
