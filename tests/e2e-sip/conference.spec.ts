import { LAB_HOST } from '../pbx-lab/lab';
import { sentToneShare } from '../pbx-lab/lab-console';
import { bestToneShare, readWav } from '../pbx-lab/wav-tone';
import { expect, test } from './lab-fixtures';

test('三方通话: with the agent muted, the caller and the department hear each other through the console’s mix', async ({
  openConsole,
  baresip,
}) => {
  const agent = await openConsole('1001');
  const caller = await baresip('2001', { toneHz: 440 });
  const department = await baresip('2002', { toneHz: 1000, record: true, autoAnswer: true });
  const { page } = agent;

  await caller.command(`dial sip:1001@${LAB_HOST}`);
  await page.getByRole('button', { name: '接听', exact: true }).click();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await page.getByRole('button', { name: '转接', exact: true }).click();
  await page.getByLabel('转接号码').fill('2002');
  await page.getByRole('button', { name: '咨询' }).click();
  await expect(page.getByTestId('consult-call').getByRole('status')).toHaveText('咨询通话 · 通话中');

  await page.getByRole('button', { name: '三方通话' }).click();
  await expect(page.getByTestId('conference')).toBeVisible();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  // Muted: whatever the two phones receive now can only be the other phone, mixed by the console.
  await page.getByRole('button', { name: '静音' }).click();
  await page.waitForTimeout(1_000);
  // What the console sends each party is the other party's tone (the agent's microphone is muted):
  // the caller gets the department's 1000 Hz, the department the caller's 440 Hz.
  expect(await sentToneShare(page, 0, 1000)).toBeGreaterThan(0.5);
  expect(await sentToneShare(page, 1, 440)).toBeGreaterThan(0.5);
  expect(await sentToneShare(page, 1, 1000)).toBeLessThan(0.1);
  await page.waitForTimeout(1_500);
  await page.getByRole('button', { name: '挂断' }).click(); // the department's leg first
  await expect(page.getByTestId('conference')).toBeHidden();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await page.getByRole('button', { name: '挂断' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('话后整理');

  // And what the department's phone decoded is the caller's 440 Hz, mixed in by the console.
  await expect.poll(() => department.decodedRecordings().length).toBeGreaterThan(0);
  expect(bestToneShare(readWav(department.decodedRecordings()[0]!), 440)).toBeGreaterThan(0.5);
});
