import type { Page } from '@playwright/test';
import { openDatabase } from '../../main/db/open-database';
import { databaseFile } from '../../main/profile/database-file';
import { seedCallerHistory } from '../harness/history-fixtures';
import { writeProfileSettings } from '../harness/profile-settings';
import { expect, test } from './fixtures';
import { openProfileDb, profileKey } from '../harness/profile-database';

const form = (page: Page) => page.getByRole('form', { name: '受理登记表' });

const orders = (profileDir: string) => {
  const db = openProfileDb(profileDir, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT number, request_type, category_code, region_code, address, contact_name, contact_number, title, lead_department, co_departments_json, deadline_at, duplicate_of, status FROM work_orders',
      )
      .all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

test.beforeEach(({ shell }) => writeProfileSettings(shell.profileDir, { centreCode: '320505', agentId: 'SZ-0042' }));

test('an order is filled with the keyboard alone, pickers by pinyin initials, and submitted', async ({
  page,
  shell,
}, testInfo) => {
  await page.goto(shell.current().url);
  await form(page).getByLabel('受理渠道').focus();
  const started = Date.now();
  const k = page.keyboard;
  await k.press('Tab'); // 诉求类型
  for (let i = 0; i < 3; i += 1) await k.press('ArrowDown'); // 咨询, 求助, 投诉
  await k.press('Tab'); // 紧急程度: 一般
  await k.press('Tab'); // 诉求分类
  await k.type('sgzy'); // 施工噪音
  await expect(page.getByRole('option', { name: '城市管理 / 噪音扰民 / 施工噪音' })).toBeVisible();
  await k.press('Enter');
  await k.press('Tab'); // 发生地点
  await k.type('hqq'); // 虎丘区
  await expect(page.getByRole('listbox', { name: '发生地点' }).getByRole('option').first()).toHaveText('苏州市 / 虎丘区');
  await k.press('Enter');
  await k.press('Tab');
  await k.type('长江路 88 号工地');
  await k.press('Tab');
  await k.type('王芳');
  await k.press('Tab');
  await k.type('13812345678');
  await k.press('Tab'); // 匿名
  await k.press('Tab'); // 保密
  await k.press('Tab');
  await k.type('夜间施工噪音扰民');
  await k.press('Tab');
  await k.type('长江路 88 号工地连续一周每晚 22 点后施工，电锯声很大，影响老人休息。');
  await k.press('Tab'); // 办理方式: 派单
  await k.press('Tab'); // 主办部门
  for (let i = 0; i < 5; i += 1) await k.press('ArrowDown'); // … 城市管理局
  await k.press('Tab'); // 协办部门
  await k.type('zfhc'); // 住房和城乡建设局
  await k.press('Enter');
  await expect(form(page).getByRole('button', { name: '住房和城乡建设局 ×' })).toBeVisible();
  await expect(form(page).getByText('还需补充')).toHaveCount(0);
  await expect(page.getByTestId('intake-deadline')).toContainText('3 个工作日');
  await k.press('Control+Enter');
  // A fresh profile never signed in to a platform: the number says it is provisional.
  await expect(
    page.getByRole('status').filter({ hasText: /工单 320505\d{8}L[0-9A-HJKMNP-TV-Z]{4}0001 已提交（临时编号/ }),
  ).toBeVisible();
  const seconds = (Date.now() - started) / 1000;
  testInfo.annotations.push({ type: 'keyboard-order-seconds', description: seconds.toFixed(1) });
  console.log(`intake: typical order by keyboard in ${seconds.toFixed(1)} s`);

  expect(orders(shell.profileDir)).toEqual([
    expect.objectContaining({
      request_type: '投诉',
      category_code: '040101',
      region_code: '320505',
      address: '长江路 88 号工地',
      contact_name: '王芳',
      contact_number: '13812345678',
      title: '夜间施工噪音扰民',
      lead_department: '城市管理局',
      co_departments_json: '["住房和城乡建设局"]',
      status: 'registered',
    }),
  ]);
  // A fresh draft is ready for the next caller.
  await expect(form(page).getByLabel('标题')).toHaveValue('');
});

test('the missing-field checklist blocks an incomplete order, field by field', async ({ page, shell }) => {
  await page.goto(shell.current().url);
  await form(page).getByLabel('标题').fill('路灯不亮');
  await form(page).getByLabel('诉求分类').fill('ldgz');
  await page.keyboard.press('Enter');
  const missing = page.getByRole('region', { name: '还需补充' });
  await expect(missing).toContainText('诉求类型：请选择诉求类型');
  await expect(missing).toContainText('发生地点：“路灯故障”须填写发生地点');
  await expect(missing).toContainText('诉求内容：请填写诉求内容');
  await page.getByRole('button', { name: '提交工单' }).click();
  await expect(
    form(page)
      .getByRole('alert')
      .filter({ hasText: /工单未提交：还有 \d+ 项需要补充/ }),
  ).toBeVisible();
  await expect(form(page).locator('.field--error').filter({ hasText: '详细地址' })).toContainText('“路灯故障”须填写详细地址');
  expect(orders(shell.profileDir)).toEqual([]);
});

test('a draft survives the shell being killed mid-typing, to the last second’s keystrokes', async ({ page, shell }, testInfo) => {
  await page.goto(shell.current().url);
  await form(page).getByLabel('标题').fill('小区停水求助');
  const content = form(page).getByLabel('诉求内容');
  await content.focus();
  const text = '小区自早上七点起停水，没有看到任何通知，家里有两位老人，请求尽快恢复供水';
  await page.keyboard.type(text, { delay: 15 });
  const lastKey = Date.now();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  const autosaveMs = Date.now() - lastKey;
  testInfo.annotations.push({ type: 'autosave-ms', description: String(autosaveMs) });
  console.log(`intake: autosave ${autosaveMs} ms after the last keystroke`);
  expect(autosaveMs).toBeLessThan(1000);

  const restarted = await shell.crashAndRestart();
  await page.goto(restarted.url);
  await expect(form(page).getByLabel('标题')).toHaveValue('小区停水求助');
  await expect(form(page).getByLabel('诉求内容')).toHaveValue(text);
});

test('an open order from the same caller is shown and the new one is linked as 重复件', async ({ page, shell }) => {
  const { db } = openDatabase({ file: databaseFile(shell.profileDir), key: profileKey(shell.profileDir) });
  const existing = seedCallerHistory(db, {
    numberKey: '13812345678',
    name: '王芳',
    open: 1,
    closed: 0,
    calls: 1,
    now: new Date(),
  });
  const existingNumber = db
    .prepare('SELECT number FROM work_orders WHERE id = ?')
    .pluck()
    .get(existing.openOrderIds[0]) as string;
  db.close();
  await page.goto(shell.current().url);
  await form(page).getByLabel('联系电话').fill('138 1234 5678');
  const duplicates = page.getByRole('region', { name: /可能重复的未办结工单/ });
  await expect(duplicates).toContainText(existingNumber);
  await expect(duplicates).toContainText('同一来电人');
  await duplicates.getByRole('button', { name: '作为重复件关联' }).click();

  await form(page).getByLabel('诉求类型').selectOption('投诉');
  await form(page).getByLabel('诉求分类').fill('sgzy');
  await page.keyboard.press('Enter');
  await form(page).getByLabel('发生地点').fill('hqq');
  await page.keyboard.press('Enter');
  await form(page).getByLabel('详细地址').fill('长江路 1 号');
  await form(page).getByLabel('标题').fill('又来投诉夜间施工');
  await form(page).getByLabel('诉求内容').fill('昨晚仍在施工，第二次反映，要求尽快处理。');
  await form(page).getByLabel('主办部门').selectOption('城市管理局');
  await page.getByRole('button', { name: `作为 ${existingNumber} 的重复件提交` }).click();
  await expect(page.getByRole('status').filter({ hasText: '已提交' })).toBeVisible();
  expect(orders(shell.profileDir).filter((order) => order.duplicate_of === existing.openOrderIds[0])).toHaveLength(1);
});

test('Enter moves on and never submits, a picker picks only what is highlighted, 放弃草稿 asks, jump keys and the shortcut list', async ({
  page,
  shell,
}) => {
  await page.goto(shell.current().url);
  const k = page.keyboard;
  // Enter in one-line fields: next field each time, no order, no "还需补充" error shown.
  await form(page).getByLabel('标题').click();
  await k.type('小区路灯不亮', { delay: 40 });
  await k.press('Enter');
  await expect(form(page).getByLabel('诉求内容')).toBeFocused();
  await form(page).getByLabel('来电人').click();
  await k.type('李明');
  await k.press('Enter');
  await expect(form(page).getByLabel('联系电话')).toBeFocused();
  await expect(form(page).getByRole('alert')).toHaveCount(0);
  expect(orders(shell.profileDir)).toEqual([]);

  // Tab into 诉求分类 and Enter at once: nothing is picked, the focus moves on.
  await form(page).getByLabel('紧急程度').focus();
  await k.press('Tab');
  await expect(form(page).getByLabel('诉求分类')).toBeFocused();
  await k.press('Enter');
  await expect(form(page).getByLabel('诉求分类')).not.toBeFocused();
  await expect(form(page).getByLabel('诉求分类')).toHaveValue('');
  // Typed, the best match is highlighted and Enter takes it.
  await form(page).getByLabel('诉求分类').click();
  await k.type('ldgz');
  await k.press('Enter');
  await expect(form(page).getByLabel('诉求分类')).toHaveValue(/路灯/);

  // Jump keys (Alt+1/2/3) and the list of every shortcut (F1, or ? outside a field).
  await k.press('Alt+3');
  await expect(page.getByRole('complementary', { name: '热线百科' }).locator(':focus')).toHaveCount(1);
  await k.press('Alt+2');
  await expect(form(page).getByLabel('受理渠道')).toBeFocused();
  await k.press('Alt+1');
  await expect(page.getByRole('complementary', { name: '来电信息' })).toBeFocused();
  await k.press('F1');
  const help = page.getByRole('dialog', { name: '快捷键一览' });
  await expect(help).toContainText('跳到热线百科');
  await expect(help).toContainText('Alt+3');
  await expect(help).toContainText('F2');
  await expect(help).toContainText('Ctrl+Enter');
  await k.press('Escape');
  await expect(help).toHaveCount(0);
  await k.press('?');
  await expect(help).toBeVisible();
  await k.press('Escape');

  // 放弃草稿 asks; 继续填写 keeps everything.
  await page.getByRole('button', { name: '放弃草稿' }).click();
  await page.getByRole('button', { name: '继续填写' }).click();
  await expect(form(page).getByLabel('标题')).toHaveValue('小区路灯不亮');
  await page.getByRole('button', { name: '放弃草稿' }).click();
  await page.getByRole('button', { name: '确定放弃' }).click();
  await expect(form(page).getByLabel('标题')).toHaveValue('');
});
