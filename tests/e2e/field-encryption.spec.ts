import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { databaseFile } from '../../main/profile/database-file';
import { decryptedCopy, openProfileDb, profileKey } from '../harness/profile-database';
import { expect, test } from './fixtures';
import { saveSettingsInDialog } from '../harness/console-settings';
import { trainingRing } from './training-ring';
import { intakeForm as form, typeNoiseOrder } from './type-order';

const CALLER = {
  name: '司马秀兰',
  number: '13856781234',
  address: '长江路 88 号工地',
  content: '连续一周每晚 22 点后施工电锯声很大',
};
const TITLE = '夜间施工噪音扰民';

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
  await typeNoiseOrder(page, { address: CALLER.address, name: CALLER.name, title: TITLE, content: CALLER.content });
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
    .first()
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
