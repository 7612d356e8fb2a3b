import { LAB_HOST } from '../pbx-lab/lab';
import { expect, test } from './lab-fixtures';

test('紧急转 110 hands the caller to the police desk in one click, and the record says so', async ({ openConsole, baresip }) => {
  const agent = await openConsole('1001');
  const police = await baresip('110', { autoAnswer: true });
  const caller = await baresip('2001');
  const { page } = agent;

  await caller.command(`dial sip:1001@${LAB_HOST}`);
  await page.getByRole('button', { name: '接听', exact: true }).click();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await page.getByRole('button', { name: '转接', exact: true }).click();
  await page.getByRole('button', { name: '紧急转 110' }).click();

  await police.waitFor(/Call established/);
  await expect(page.getByTestId('agent-state')).toContainText('话后整理');
  await expect.poll(() => agent.calls().at(-1)?.end_cause).toBe('transferred');
  expect(agent.calls().at(-1)?.transfer_target).toBe('110');
});
