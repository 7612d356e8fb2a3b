import { describe, expect, it } from 'vitest';
import type { ScreenPop } from '../../preload/contract';
import { openDatabase } from '../../main/db/open-database';
import { SCREEN_POP_SQL } from '../../main/history/screen-pop-repo';
import { completeIntakeForm } from '../harness/intake-form';
import { context } from '../harness/sync-fixtures';
import { configureForOrders, startTestServices } from '../harness/test-services';
import { useTempDirs } from '../harness/temp-dir';
import { join } from 'node:path';

const tempDir = useTempDirs();
const CREDIT_CODE = '91350100M000100Y43';

describe('the enterprise’s history on the screen-pop (一企来, through the contract)', () => {
  it('shows every contact’s orders of the enterprise the caller spoke for, another contact’s confidential one without its title', async () => {
    const services = await startTestServices(tempDir());
    await configureForOrders(services, 'A0001');
    const register = async (contactNumber: string, title: string, confidential: boolean) => {
      const draft = await services.dispatch('intake.openDraft', { callRef: null, fresh: true }, context);
      if (!draft.ok) throw new Error(draft.error.message);
      const submitted = await services.dispatch(
        'intake.submit',
        {
          draftId: (draft.value as { id: string }).id,
          form: {
            ...completeIntakeForm,
            channel: '一企来',
            enterpriseName: '扬州市某某机械制造有限公司',
            creditCode: CREDIT_CODE,
            enterpriseMode: 'joint',
            contactNumber,
            title,
            confidential,
          },
          duplicateOf: null,
        },
        context,
      );
      if (!submitted.ok) throw new Error(submitted.error.message);
    };
    await register('13511112222', '厂区用电增容审批进度', false);
    await register('13511113333', '员工社保补缴咨询', true);
    await register('13511113333', '厂门口道路破损', false);

    const pop = async (from: string) => {
      const result = await services.dispatch('history.screenPop', { from: `<sip:${from}@127.0.0.1>` }, context);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as ScreenPop;
    };
    const first = await pop('13511112222');
    expect(first.enterprises).toHaveLength(1);
    expect(first.enterprises[0]).toMatchObject({ name: '扬州市某某机械制造有限公司', creditCode: CREDIT_CODE });
    // Newest first; the other contact's confidential order is listed, its title not read out.
    expect(first.enterprises[0]?.orders.map((order) => order.title)).toEqual([
      '厂门口道路破损',
      '（保密工单）',
      '厂区用电增容审批进度',
    ]);
    // The contact who wrote it sees their own title.
    expect((await pop('13511113333')).enterprises[0]?.orders.map((order) => order.title)).toContain('员工社保补缴咨询');
    // A caller who never spoke for an enterprise has no such section.
    expect((await pop('13900001111')).enterprises).toEqual([]);
    await services.close();
  });

  it('finds the enterprises from a small partial index and their orders by credit code (no table scan)', () => {
    const { db } = openDatabase({ file: join(tempDir(), 'plan.sqlite') });
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(plan(SCREEN_POP_SQL.enterprisesOfCaller)).toContain('USING COVERING INDEX work_orders_enterprise_by_caller');
    expect(plan(SCREEN_POP_SQL.enterpriseOrders)).toContain('USING INDEX work_orders_by_credit_code');
    expect(plan(SCREEN_POP_SQL.enterpriseOrders)).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
