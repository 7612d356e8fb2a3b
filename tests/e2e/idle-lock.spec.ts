import type { Page } from '@playwright/test';
import { openProfileDb } from '../harness/profile-database';
import { expect, test } from './fixtures';

const PIN = '2580';
const CALLER = '王晓梅';
const ADDRESS = '长江路 88 号 3 幢';
const NUMBER = '13912345678';

const lockScreen = (page: Page) => page.getByRole('main', { name: '控制台已锁定' });
const form = (page: Page) => page.getByRole('form', { name: '受理登记表' });

const openSettings = async (page: Page) => {
  await page.getByRole('button', { name: '设置', exact: true }).click();
  return page.getByRole('dialog', { name: '设置' });
};

const auditActions = (profileDir: string): string[] => {
  const db = openProfileDb(profileDir, { readonly: true });
  try {
    return db
      .prepare("SELECT action || ':' || coalesce(detail, '') FROM audit_log WHERE screen = 'lock' ORDER BY seq")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
};

test('idle for the set minutes the console locks, hides the caller being typed, and opens again with the PIN', async ({
  page,
  shell,
}) => {
  // The page's clock, not the shell's: minutes of idleness pass in an instant, main's throttle runs in real time.
  await page.clock.install();
  await page.goto(shell.current().url);

  const settings = await openSettings(page);
  await expect(settings.getByTestId('lock-pin-state')).toHaveText('未设置：未设置锁屏密码且未登录过平台时，不会自动锁屏');
  await settings.getByLabel('无操作多少分钟后锁屏').fill('2');
  // At human key speed, as an agent chooses a PIN.
  await settings.getByLabel('锁屏密码').pressSequentially(PIN, { delay: 120 });
  await settings.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('设置已保存');

  await form(page).getByLabel('来电人').fill(CALLER);
  await form(page).getByLabel('详细地址').fill(ADDRESS);
  await form(page).getByLabel('联系电话').fill(NUMBER);

  // 1 min 50 s without input: still open. Past 2 minutes: locked.
  await page.clock.fastForward('01:50');
  await expect(form(page)).toBeVisible();
  await page.clock.fastForward('00:20');
  await expect(lockScreen(page)).toBeVisible();
  const lockedHtml = await page.content();
  for (const personal of [CALLER, ADDRESS, NUMBER]) expect(lockedHtml).not.toContain(personal);
  await expect(page.getByRole('form', { name: '受理登记表' })).toHaveCount(0);

  // Keys go to the PIN field only; a wrong PIN says so and leaves the console locked.
  await page.keyboard.type('1111', { delay: 100 });
  await page.keyboard.press('Enter');
  await expect(lockScreen(page).getByRole('alert')).toHaveText('密码不正确');
  await expect(lockScreen(page)).toBeVisible();

  // Fast, as typed by someone who knows it.
  await lockScreen(page).getByLabel('锁屏密码或平台登录密码').fill(PIN);
  await page.keyboard.press('Enter');
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(form(page).getByLabel('来电人')).toHaveValue(CALLER);
  await expect(form(page).getByLabel('详细地址')).toHaveValue(ADDRESS);

  // The lock is held by the console, not the page: a reload comes back locked.
  await page.getByRole('button', { name: '锁屏', exact: true }).click();
  await expect(lockScreen(page)).toBeVisible();
  await page.reload();
  await expect(lockScreen(page)).toBeVisible();
  expect(await page.content()).not.toContain(CALLER);
  await lockScreen(page).getByLabel('锁屏密码或平台登录密码').fill(PIN);
  await lockScreen(page).getByRole('button', { name: '解锁' }).click();
  await expect(form(page).getByLabel('来电人')).toHaveValue(CALLER);

  expect(auditActions(shell.profileDir)).toEqual([
    'settings_changed:lockPin',
    'screen_locked:idle',
    'unlock_refused:failures 1',
    'screen_unlocked:pin',
    'screen_locked:manual',
    'screen_unlocked:pin',
  ]);
});

test('guessing is slowed down: after five wrong PINs even the right one waits', async ({ page, shell }) => {
  await page.goto(shell.current().url);
  const settings = await openSettings(page);
  await settings.getByLabel('锁屏密码').fill(PIN);
  await settings.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('设置已保存');
  await page.getByRole('button', { name: '锁屏', exact: true }).click();

  const secret = lockScreen(page).getByLabel('锁屏密码或平台登录密码');
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await secret.fill(`000${attempt}`);
    await page.keyboard.press('Enter');
    await expect(lockScreen(page).getByRole('alert')).toHaveText('密码不正确');
    // The field empties after each miss, ready for the next try.
    await expect(secret).toHaveValue('');
  }
  await secret.fill('0005');
  await page.keyboard.press('Enter');
  await expect(lockScreen(page).getByRole('alert')).toHaveText(/^错误次数过多，请 (30|29|28) 秒 后再试$/);
  await secret.fill(PIN);
  await page.keyboard.press('Enter');
  await expect(lockScreen(page).getByRole('alert')).toHaveText(/^错误次数过多，请 \d+ 秒 后再试$/);
  await expect(lockScreen(page)).toBeVisible();
});

test('without a PIN or a platform sign-in the console never locks itself, and 锁屏 says why', async ({ page, shell }) => {
  await page.clock.install();
  await page.goto(shell.current().url);
  await form(page).getByLabel('来电人').fill(CALLER);
  await page.clock.fastForward('30:00');
  await expect(form(page).getByLabel('来电人')).toHaveValue(CALLER);
  await expect(lockScreen(page)).toHaveCount(0);
  await page.getByRole('button', { name: '锁屏', exact: true }).click();
  await expect(page.getByRole('contentinfo').getByRole('alert')).toHaveText('未设置锁屏密码：请在“设置”中设定后再锁屏');
  await expect(lockScreen(page)).toHaveCount(0);
});
