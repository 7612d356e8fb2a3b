import { LAB_HOST } from '../pbx-lab/lab';
import { expect, rtpBytes, test } from './lab-fixtures';

test('an inbound call rings with the screen-pop, is answered with audio both ways, held, keyed, transferred and recorded', async ({
  openConsole,
  baresip,
}) => {
  const agent = await openConsole('1001');
  const colleague = await openConsole('1002');
  const caller = await baresip('2001');
  const { page } = agent;

  await caller.command(`dial sip:1001@${LAB_HOST}`);
  await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
  await expect(page.getByTestId('call-remote')).toHaveText('2001');
  // The screen-pop runs on the INVITE's headers, as for a training ring.
  await expect(page.getByRole('complementary', { name: '来电信息' }).getByTestId('caller-number')).toBeVisible();

  await page.getByRole('button', { name: '接听', exact: true }).click();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await expect(page.getByTestId('agent-state')).toHaveText('通话中');

  // Audio both ways: the browser's counters rise, and the far end counts what it received (below).
  const first = await rtpBytes(page);
  await page.waitForTimeout(1_500);
  const second = await rtpBytes(page);
  expect(second.received).toBeGreaterThan(first.received + 5_000);
  expect(second.sent).toBeGreaterThan(first.sent + 5_000);
  await expect(page.getByTestId('call-quality')).toContainText('MOS');

  await page.getByRole('button', { name: '保持' }).click();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('已保持');
  await caller.waitFor(/got re-INVITE/);
  await page.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await caller.waitFor(/got re-INVITE[\s\S]*got re-INVITE/);

  await page.getByRole('button', { name: '拨号盘' }).click();
  for (const digit of ['1', '2', '#'])
    await page.getByRole('group', { name: '拨号盘' }).getByRole('button', { name: digit, exact: true }).click();
  await caller.waitFor(/received event: '1'[\s\S]*received event: '2'[\s\S]*received event: '#'/);

  // Blind transfer to a colleague's console: the caller is referred there and the agent's leg ends.
  await page.getByRole('button', { name: '转接', exact: true }).click();
  await page.getByLabel('转接号码').fill('1002');
  await page.getByRole('button', { name: '直接转接' }).click();
  await expect(colleague.page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
  await expect(page.getByTestId('agent-state')).toContainText('话后整理');
  await colleague.page.getByRole('button', { name: '接听', exact: true }).click();
  await expect(colleague.page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await colleague.page.getByRole('button', { name: '挂断' }).click();
  await expect(colleague.page.getByTestId('agent-state')).toContainText('话后整理');

  // The PBX side of the agent's leg: baresip received the agent's audio (50 packets a second).
  await expect.poll(() => caller.rtpPackets()[0]?.rx ?? 0).toBeGreaterThan(100);

  await expect.poll(() => agent.calls().at(-1)?.end_cause).toBe('transferred');
  const record = agent.calls().at(-1)!;
  expect(record.direction).toBe('inbound');
  expect(record.remote_number).toBe('2001');
  expect(record.transfer_target).toBe('1002');
  expect(Date.parse(record.answer_at!)).toBeGreaterThanOrEqual(Date.parse(record.ring_at));
  expect(Date.parse(record.end_at!)).toBeGreaterThan(Date.parse(record.answer_at!) + 1_500);
  await expect.poll(() => colleague.calls().at(-1)?.end_cause).toBe('agent_hangup');
});
