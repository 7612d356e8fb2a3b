/**
 * Two carrier calls in a row, each answered, its order typed by keyboard and submitted while the
 * caller is still on: every order carries its own caller's number (the earlier bug kept caller A's
 * number in caller B's form). Through Kamailio and the console's real SIP path, not the store.
 */
import { sippAnsweredCall } from '../pbx-lab/sipp';
import { expect, test } from './lab-fixtures';
import { openProfileDb } from '../harness/profile-database';

const TAG = 'tag=[pid]SIPpTag[call_number]';

test('two real calls in a row: each order gets its own caller’s number', async ({ openConsole, lab }) => {
  test.setTimeout(120_000);
  const agent = await openConsole('1003');
  const { page } = agent;
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await settings.getByLabel('中心代码').fill('320505');
  await settings.getByRole('button', { name: '保存', exact: true }).click();
  await settings.waitFor({ state: 'hidden' });

  const form = page.getByRole('form', { name: '受理登记表' });
  for (const [index, caller] of [
    { number: '13812345678', shown: '138 1234 5678', title: '小区停水求助' },
    { number: '13987654321', shown: '139 8765 4321', title: '路灯不亮' },
  ].entries()) {
    const call = sippAnsweredCall({
      runDir: lab.runDir,
      extension: '1003',
      name: `two-calls-${index}`,
      identity: [`From: <sip:${caller.number}@trunk.invalid>;${TAG}`],
      hungUpBy: 'agent',
    });
    await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
    await page.keyboard.press('F2');
    await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
    await expect(form.getByLabel('联系电话')).toHaveValue(caller.shown);
    await form.getByLabel('诉求类型').selectOption('咨询');
    await form.getByLabel('诉求分类').pressSequentially('gjjtq', { delay: index === 0 ? 60 : 5 });
    await page.keyboard.press('Enter');
    await form.getByLabel('标题').pressSequentially(caller.title, { delay: index === 0 ? 60 : 5 });
    await form.getByLabel('诉求内容').fill(`${caller.title}，来电人请求尽快处理。`);
    await form.getByRole('radio', { name: '直接办结' }).check();
    await form.getByLabel('答复内容').fill('已告知办理渠道。');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('status').filter({ hasText: '已提交' })).toBeVisible();
    await page.keyboard.press('F4');
    expect((await call).code).toBe(0);
    await expect(page.getByTestId('agent-state')).toContainText('话后整理');
    await page.getByRole('button', { name: '示闲' }).click();
    await expect(page.getByTestId('agent-state')).toContainText('空闲');
  }
  const db = openProfileDb(agent.profileDir, { readonly: true });
  const orders = db.prepare('SELECT title, contact_number FROM work_orders ORDER BY created_at').all();
  db.close();
  expect(orders).toEqual([
    { title: '小区停水求助', contact_number: '13812345678' },
    { title: '路灯不亮', contact_number: '13987654321' },
  ]);
});
