import { LAB_HOST } from '../pbx-lab/lab';
import { sippCallExpecting } from '../pbx-lab/sipp';
import { defaultPhonePreferences } from '../../main/phone/domain/phone-preferences';
import { expect, test } from './lab-fixtures';

test('a not-ready agent’s console refuses calls with the configured response; the refusal is recorded', async ({
  openConsole,
  lab,
}) => {
  const agent = await openConsole('1001', { preferences: { ...defaultPhonePreferences, notReadyResponse: 486 } });
  const { page } = agent;
  await page.getByRole('button', { name: '示忙' }).click();
  await page.getByRole('menuitem', { name: '用餐' }).click();
  await expect(page.getByTestId('agent-state')).toHaveText('示忙 · 用餐');

  // The carrier side (SIPp) must get exactly 486 back through the PBX; it fails on anything else.
  const refused = await sippCallExpecting({ runDir: lab.runDir, extension: '1001', status: 486 });
  expect(refused.code, refused.output).toBe(0);
  await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toHaveCount(0);
  await expect.poll(() => agent.calls().at(-1)?.end_cause).toBe('rejected');

  // Ready again: the next call rings.
  await page.getByRole('button', { name: '示闲' }).click();
  const ringing = sippCallExpecting({ runDir: lab.runDir, extension: '1001', status: 486 });
  await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
  await page.getByRole('button', { name: '拒接' }).click();
  expect((await ringing).code).toBe(0);
});

test('wrap-up after a call lasts the configured time, then returns the agent to the state held before', async ({
  openConsole,
  baresip,
}) => {
  const agent = await openConsole('1001', { preferences: { ...defaultPhonePreferences, wrapUpSeconds: 2 } });
  const caller = await baresip('2001');
  const { page } = agent;

  await caller.command(`dial sip:1001@${LAB_HOST}`);
  await page.getByRole('button', { name: '接听', exact: true }).click();
  await expect(page.getByTestId('agent-state')).toHaveText('通话中');
  await page.getByRole('button', { name: '挂断' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('话后整理');
  await expect(page.getByTestId('agent-state')).toHaveText('空闲', { timeout: 4_000 });

  // An outbound call (回访) made while 示忙 returns to 示忙 with its reason, not to 空闲.
  const callee = await baresip('2002', { autoAnswer: true });
  await page.getByRole('button', { name: '示忙' }).click();
  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByRole('button', { name: '外呼' }).click();
  await page.getByLabel('外呼号码').fill(callee.extension);
  await page.getByRole('button', { name: '呼叫' }).click();
  await expect(page.getByTestId('agent-state')).toHaveText('通话中');
  await page.getByRole('button', { name: '挂断' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('话后整理');
  await expect(page.getByTestId('agent-state')).toHaveText('示忙 · 会议', { timeout: 4_000 });
});
