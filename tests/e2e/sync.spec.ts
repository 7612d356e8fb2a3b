import { join } from 'node:path';
import { startPlatformProcess } from '../harness/platform-process';
import { writeProfileSettings } from '../harness/profile-settings';
import { expect, test } from './fixtures';

test('the status bar shows the platform going offline, the queue growing, and draining when it is back', async ({
  page,
  shell,
}) => {
  const port = 21_000 + Math.floor(Math.random() * 10_000);
  const db = join(shell.profileDir, 'platform.sqlite');
  let platform = await startPlatformProcess(db, port);
  writeProfileSettings(shell.profileDir, { platformUrl: platform.url, centreCode: '320505', agentId: 'A0007' });
  // Provisioned settings are read at start, as after an admin prepared the PC.
  await page.goto((await shell.restart()).url);

  const indicator = page.getByTestId('status-platform');
  await expect(indicator).toContainText('未登录');
  await indicator.click();
  const panel = page.getByRole('dialog', { name: '平台同步' });
  await panel.getByLabel('平台登录密码').fill('demo1234');
  await panel.getByRole('button', { name: '登录平台' }).click();
  await expect(indicator).toContainText('在线', { timeout: 20_000 });
  await expect(page.getByRole('complementary', { name: '热线百科' })).toContainText('2,262 条', { timeout: 20_000 });

  const killedAt = Date.now();
  await platform.kill();
  // The bar says so within 5 s, before the agent does anything (not at the next 30-s poll).
  await expect(indicator).toContainText('离线', { timeout: 5_000 });
  console.log(`sync: 离线 shown ${Date.now() - killedAt} ms after the platform died`);
  // An order typed while the platform is down: it waits in the queue, visibly.
  const form = page.getByRole('form', { name: '受理登记表' });
  await form.getByLabel('诉求类型').selectOption('咨询');
  await form.getByLabel('诉求分类').fill('gjjtq');
  await page.keyboard.press('Enter');
  await form.getByLabel('联系电话').fill('13812345678');
  await form.getByLabel('标题').fill('公积金租房提取咨询');
  await form.getByLabel('诉求内容').fill('来电人咨询租房提取住房公积金的条件和办理渠道。');
  await form.getByRole('radio', { name: '直接办结' }).check();
  await form.getByLabel('答复内容').fill('已告知租房提取的条件和线上办理渠道。');
  await page.getByRole('button', { name: '提交工单' }).click();
  // Signed in before: the station came from the platform, so the number is final, not 临时编号.
  await expect(page.getByRole('status').filter({ hasText: /工单 320505\d{8}\d{3}\d{4} 已提交$/ })).toBeVisible();
  await expect(indicator).toContainText('离线', { timeout: 20_000 });
  await expect(indicator).toContainText(/待上传 [1-9]/);

  platform = await startPlatformProcess(db, port);
  const backAt = Date.now();
  await expect(indicator).toContainText('在线', { timeout: 5_000 });
  console.log(`sync: 在线 shown ${Date.now() - backAt} ms after the platform answered again`);
  await expect(indicator).toContainText('待上传 0');
  await platform.kill();
});
