import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openProfileDb } from '../harness/profile-database';
import { expect, test } from './fixtures';

const PASSWORD = 'Pbx!Secret-8001';

const everyFileIn = (dir: string): string =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');

const openSettings = async (page: Page) => {
  await page.getByRole('button', { name: '设置', exact: true }).click();
  return page.getByRole('dialog', { name: '设置' });
};

test('settings typed in the UI survive a restart of the shell; the password is never written in clear', async ({
  page,
  shell,
}) => {
  await page.goto(shell.current().url);
  const dialog = await openSettings(page);
  await dialog.getByLabel('话务服务器地址').fill('wss://pbx1.sz.example:7443/ws\nwss://pbx2.sz.example:7443/ws');
  await dialog.getByLabel('分机号', { exact: true }).fill('8001');
  await dialog.getByLabel('显示名称').fill('张坐席');
  await dialog.getByLabel('分机密码').fill(PASSWORD);
  await dialog.getByLabel('平台地址').fill('https://platform.sz.example');
  await dialog.getByLabel('中心代码').fill('320505');
  await dialog.getByLabel('坐席工号').fill('SZ-0042');
  // New servers are outside the policy the page loaded with: the console reloads once to admit them.
  const reloaded = page.waitForEvent('load');
  await dialog.getByRole('button', { name: '保存' }).click();

  await expect(page.getByRole('status')).toHaveText('设置已保存');
  await reloaded;
  // The example servers do not exist: the phone says it is trying, not that it is registered.
  await expect(page.getByTestId('registration-state')).toHaveText(/正在注册|连不上话务服务器/);
  await expect(page.getByTestId('status-platform')).toContainText('平台：未登录（点击登录）');

  const restarted = await shell.restart();
  await page.goto(restarted.url);
  const again = await openSettings(page);
  await expect(again.getByLabel('话务服务器地址')).toHaveValue('wss://pbx1.sz.example:7443/ws\nwss://pbx2.sz.example:7443/ws');
  await expect(again.getByLabel('分机号', { exact: true })).toHaveValue('8001');
  await expect(again.getByLabel('显示名称')).toHaveValue('张坐席');
  await expect(again.getByLabel('平台地址')).toHaveValue('https://platform.sz.example');
  await expect(again.getByLabel('中心代码')).toHaveValue('320505');
  await expect(again.getByLabel('坐席工号')).toHaveValue('SZ-0042');
  // The browser shell keeps secrets in memory only, and says so.
  await expect(again).toContainText('未保存');
  await expect(again.getByTestId('secret-storage')).toContainText('只保存在内存中');
  await expect(page.getByRole('main')).toContainText('分机密码');

  await restarted.stop();
  // Kept (the profile's database, opened with its key, holds it) but encrypted at rest: no file of
  // the profile shows it, nor the password, which is not kept at all.
  const db = openProfileDb(shell.profileDir, { readonly: true });
  const stored = (db.prepare('SELECT value_json FROM settings').pluck().all() as string[]).join('\n');
  db.close();
  expect(stored).toContain('pbx1.sz.example');
  expect(stored).not.toContain(PASSWORD);
  const onDisk = everyFileIn(shell.profileDir);
  expect(onDisk).not.toContain('pbx1.sz.example');
  expect(onDisk).not.toContain(PASSWORD);
  expect(restarted.output()).not.toContain(PASSWORD);
});

test('an invalid PBX address is refused on its field and nothing is saved', async ({ page, shell }) => {
  await page.goto(shell.current().url);
  const dialog = await openSettings(page);
  await dialog.getByLabel('话务服务器地址').fill('wss://pbx1.example/ws\nhttp://pbx2.example');
  await dialog.getByLabel('中心代码').fill('3205');
  await dialog.getByRole('button', { name: '保存' }).click();

  await expect(dialog.getByText('第 2 行：话务服务器地址须为 ws:// 或 wss:// 开头')).toBeVisible();
  await expect(dialog.getByText('中心代码须为 6 位或 12 位行政区划代码')).toBeVisible();
  await expect(dialog.getByRole('alert').last()).toContainText('未保存');

  await page.goto(shell.current().url.replace(/#.*/, ''));
  await page.reload();
  await expect(page.getByTestId('registration-state')).toHaveText('未配置话务服务器');
});

test('the retention period starts at 180 days, refuses what is not a whole number of 7–3650 days, and keeps what was saved', async ({
  page,
  shell,
}) => {
  await page.goto(shell.current().url);
  let dialog = await openSettings(page);
  const field = dialog.getByLabel('办结工单个人信息保留天数');
  await expect(field).toHaveValue('180');
  for (const [typed, message] of [
    ['3', '保留天数至少 7 天'],
    ['十天', '保留天数须为数字'],
    ['30.5', '保留天数须为整数'],
  ] as const) {
    await field.fill('');
    await field.pressSequentially(typed, { delay: 30 });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByText(message)).toBeVisible();
  }
  await field.fill('90');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('设置已保存');

  const restarted = await shell.restart();
  await page.goto(restarted.url);
  dialog = await openSettings(page);
  await expect(dialog.getByLabel('办结工单个人信息保留天数')).toHaveValue('90');
});

test('on a 1366×768 screen the settings dialog scrolls under its buttons: 保存 and 取消 stay in view', async ({
  page,
  shell,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(shell.current().url);
  const dialog = await openSettings(page);
  for (const name of ['保存', '取消']) {
    const box = (await dialog.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
  }
  // Tabbed to the last field (the lock PIN), it comes into view above the buttons, not under them.
  await dialog.getByLabel('坐席工号').focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
  const pin = dialog.getByLabel('锁屏密码');
  await expect(pin).toBeFocused();
  await page.keyboard.type('2580', { delay: 80 });
  const pinBox = (await pin.boundingBox())!;
  const saveBox = (await dialog.getByRole('button', { name: '保存', exact: true }).boundingBox())!;
  expect(pinBox.y + pinBox.height).toBeLessThanOrEqual(saveBox.y);
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('设置已保存');
});
