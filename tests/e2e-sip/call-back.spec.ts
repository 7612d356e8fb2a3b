import { LAB_HOST } from '../pbx-lab/lab';
import { expect, test } from './lab-fixtures';

test('a citizen’s mobile call pops their number; after it, 回访 from the caller panel calls them back', async ({
  openConsole,
  baresip,
}) => {
  const agent = await openConsole('1001');
  const citizen = await baresip('13812345678', { autoAnswer: true });
  const { page } = agent;
  const panel = page.getByRole('complementary', { name: '来电信息' });

  await citizen.command(`dial sip:1001@${LAB_HOST}`);
  await expect(panel.getByTestId('caller-number')).toHaveText('138 1234 5678');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await page.keyboard.press('F4');
  await expect(page.getByTestId('agent-state')).toContainText('话后整理');

  await panel.getByRole('button', { name: '回访' }).click();
  await expect(page.getByTestId('main-call').getByTestId('call-remote')).toHaveText('13812345678');
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await page.keyboard.press('F4');

  await expect
    .poll(() => agent.calls().map((call) => [call.direction, call.remote_number, call.end_cause]))
    .toEqual([
      ['inbound', '13812345678', 'agent_hangup'],
      ['outbound', '13812345678', 'agent_hangup'],
    ]);
});
