import { LAB_HOST, labBindings } from '../pbx-lab/lab';
import { expect, test } from './lab-fixtures';

test('a new agent on an empty profile sets the phone up in 设置 and it registers without a manual reload, then takes two calls in a row', async ({
  openConsole,
  baresip,
}) => {
  // openConsole with setupThroughUi writes nothing: every field is typed in the dialog and it
  // waits for 已注册 (the page's policy must let the newly typed server through).
  const agent = await openConsole('1001', { setupThroughUi: true });
  const { page } = agent;
  await expect(page.getByTestId('registration-state')).toHaveText('已注册');

  const caller = await baresip('2001');
  for (const round of [1, 2]) {
    await caller.command(`dial sip:1001@${LAB_HOST}`);
    await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
    await page.keyboard.press('F2');
    await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
    await page.waitForTimeout(500);
    await caller.command('hangup');
    await expect(page.getByTestId('main-call')).toHaveCount(0, { timeout: 10_000 });
    await expect.poll(() => agent.calls().filter((call) => call.end_cause === 'caller_hangup').length).toBe(round);
    // Wrap-up (30 s by default) would refuse the second call: the agent is ready again at once.
    if (round === 1) {
      await page.getByRole('button', { name: '示闲' }).click();
      await expect(page.getByTestId('agent-state')).toContainText('空闲');
    }
  }

  // Closing the console unregisters it: the PBX does not keep forking calls to a console that is gone.
  expect(await labBindings('1001')).toBeGreaterThanOrEqual(1);
  const before = await labBindings('1001');
  await agent.close();
  await expect.poll(() => labBindings('1001')).toBe(before - 1);
});
