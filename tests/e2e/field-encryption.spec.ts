import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { databaseFile } from '../../main/profile/database-file';
import { decryptedCopy, openProfileDb, profileKey } from '../harness/profile-database';
import { expect, test } from './fixtures';
import { saveSettingsInDialog } from './settings-dialog';
import { trainingRing } from './training-ring';

const form = (page: Page) => page.getByRole('form', { name: '受理登记表' });
const CALLER = {
  name: '司马秀兰',
  number: '13856781234',
  address: '长江路 88 号工地',
  content: '连续一周每晚 22 点后施工电锯声很大',
};
const TITLE = '夜间施工噪音扰民';

/** The order as a call-taker types it, field by field with the keyboard (the pickers by pinyin initials). */
const typeOrder = async (page: Page) => {
  const k = page.keyboard;
  await form(page).getByLabel('诉求类型').focus();
  for (let i = 0; i < 3; i += 1) await k.press('ArrowDown'); // 投诉
  await k.press('Tab');
  await k.press('Tab');
  await k.type('sgzy', { delay: 60 });
  await expect(page.getByRole('option', { name: '城市管理 / 噪音扰民 / 施工噪音' })).toBeVisible();
  await k.press('Enter');
  await k.press('Tab');
  await k.type('hqq', { delay: 60 });
  await expect(page.getByRole('listbox', { name: '发生地点' }).getByRole('option').first()).toHaveText('苏州市 / 虎丘区');
  await k.press('Enter');
  await k.press('Tab');
  await k.type(CALLER.address, { delay: 40 });
  await form(page).getByLabel('来电人', { exact: true }).fill(CALLER.name);
  await form(page).getByLabel('标题', { exact: true }).pressSequentially(TITLE, { delay: 40 });
  await form(page).getByLabel('诉求内容').pressSequentially(CALLER.content, { delay: 0 });
  await form(page).getByLabel('主办部门').focus();
  for (let i = 0; i < 5; i += 1) await k.press('ArrowDown'); // 城市管理局
  await expect(form(page).getByText('还需补充')).toHaveCount(0);
  await k.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: /工单 320505\d+.*已提交/ })).toBeVisible();
};

test('a centre that turns on SM4 field encryption in 设置: what is typed next is sealed in the file, and the next call from that number still pops its history', async ({
  page,
  shell,
}) => {
  await page.goto(shell.current().url);
  await saveSettingsInDialog(page, { centreCode: '320505', agentId: 'SZ-0042', fieldCipher: 'SM4 国密逐字段加密' });

  // First call: answered, the order typed and submitted.
  await trainingRing(page, CALLER.number);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await expect(form(page).getByLabel('联系电话')).toHaveValue('138 5678 1234');
  await typeOrder(page);
  await page.getByRole('button', { name: '结束模拟' }).click();

  // Second call from the same number: found by its blind index, the order's title readable on the panel.
  await trainingRing(page, CALLER.number);
  const panel = page.getByRole('complementary', { name: '来电信息' });
  await expect(panel.getByTestId('caller-number')).toHaveText('138 5678 1234');
  await expect(panel).toContainText(CALLER.name);
  await expect(panel.getByRole('list', { name: /未办结工单/ }).getByRole('listitem')).toContainText(TITLE);
  await panel
    .getByRole('list', { name: /未办结工单/ })
    .getByRole('listitem')
    .first()
    .getByRole('button')
    .click();
  await expect(page.getByRole('dialog', { name: /^工单 / })).toContainText(CALLER.address);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '结束模拟' }).click();

  // In the file: every value of that caller sealed, the lookup key a blind index.
  const db = openProfileDb(shell.profileDir, { readonly: true });
  const order = db.prepare('SELECT contact_name, contact_number, address, title, content FROM work_orders').get() as Record<
    string,
    string
  >;
  const callers = db.prepare('SELECT number_key, number_sealed, name FROM callers').all() as Record<string, string>[];
  const calls = db.prepare('SELECT remote_number FROM calls').pluck().all() as string[];
  const drafts = db.prepare('SELECT form_json FROM intake_drafts').pluck().all() as string[];
  db.close();
  expect(Object.values(order).every((value) => value.startsWith('sm4:1:'))).toBe(true);
  expect(callers).toEqual([
    {
      number_key: expect.stringMatching(/^bi1:[0-9a-f]{32}$/),
      number_sealed: expect.stringMatching(/^sm4:1:/),
      name: expect.stringMatching(/^sm4:1:/),
    },
  ]);
  expect(calls).toHaveLength(2);
  expect(calls.every((value) => value.startsWith('sm4:1:'))).toBe(true);
  expect(drafts.length).toBeGreaterThan(0);
  expect(drafts.every((value) => value.startsWith('"sm4:1:'))).toBe(true);
  // Even decrypted with the file key, no page holds the caller.
  const scratch = mkdtempSync(join(tmpdir(), 'minsheng-sm4-copy-'));
  try {
    const copy = decryptedCopy(databaseFile(shell.profileDir), profileKey(shell.profileDir), join(scratch, 'plain.sqlite'));
    const bytes = readFileSync(copy);
    for (const value of [...Object.values(CALLER), TITLE]) expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
