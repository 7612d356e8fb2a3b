import type { Page } from '@playwright/test';
import { LAB_HOST } from '../pbx-lab/lab';
import { expect, rtpBytes, test } from './lab-fixtures';

const PIN = '4711';

const lockScreen = (page: Page) => page.getByRole('main', { name: '控制台已锁定' });

const unlock = async (page: Page) => {
  await lockScreen(page).getByLabel('锁屏密码或平台登录密码').pressSequentially(PIN, { delay: 90 });
  await page.keyboard.press('Enter');
  await expect(lockScreen(page)).toHaveCount(0);
};

test('a call to a locked console rings, shows only that a call waits, and is answered once the PIN is typed; twice in a row', async ({
  openConsole,
  baresip,
}) => {
  const agent = await openConsole('1001', { setupThroughUi: true });
  const { page } = agent;
  await expect(page.getByTestId('registration-state')).toHaveText('已注册');
  const caller = await baresip('2001');

  await page.getByRole('button', { name: '设置', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await settings.getByLabel('锁屏密码').fill(PIN);
  await settings.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '设置已保存' })).toBeVisible();

  for (const round of [1, 2]) {
    await page.getByRole('button', { name: '锁屏', exact: true }).click();
    await expect(lockScreen(page)).toBeVisible();

    await caller.command(`dial sip:1001@${LAB_HOST}`);
    await expect(lockScreen(page).getByRole('status')).toHaveText('有来电正在振铃：解锁后接听（耳机接听键可直接接听）');
    // Nothing of the caller is on screen, and no call control either.
    const html = await page.content();
    expect(html).not.toContain('2001');
    expect(html).not.toContain('来电信息');
    await expect(page.getByRole('button', { name: '接听', exact: true })).toHaveCount(0);
    // The answer key (F2) goes to the PIN field, not past the lock: the call still rings.
    await page.keyboard.press('F2');
    await page.waitForTimeout(700);
    await expect(lockScreen(page).getByRole('status')).toContainText('振铃');

    await unlock(page);
    await expect(page.getByTestId('call-remote')).toHaveText('2001');
    await page.keyboard.press('F2');
    await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
    const first = await rtpBytes(page);
    await page.waitForTimeout(1_000);
    expect((await rtpBytes(page)).received).toBeGreaterThan(first.received + 3_000);
    await caller.command('hangup');
    await expect(page.getByTestId('main-call')).toHaveCount(0, { timeout: 10_000 });
    await expect.poll(() => agent.calls().filter((call) => call.end_cause === 'caller_hangup').length).toBe(round);
    // Wrap-up would refuse the second call: the agent is ready again at once.
    await page.getByRole('button', { name: '示闲' }).click();
    await expect(page.getByTestId('agent-state')).toContainText('空闲');
  }
});
