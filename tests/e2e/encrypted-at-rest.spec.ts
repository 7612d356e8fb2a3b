import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { databaseFile } from '../../main/profile/database-file';
import { openProfileDb } from '../harness/profile-database';
import { expect, test } from './fixtures';

const CALLER = {
  name: '欧阳娜娜',
  number: '13987650123',
  address: '金门路 518 号颐和苑 7 栋',
  content: '楼下烧烤店油烟直排进卧室',
};
const PASSWORD = 'Sip!Rest-6021';

const everyFileIn = (dir: string): { name: string; text: string }[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const bytes = readFileSync(join(entry.parentPath, entry.name));
      // Text as UTF-8 and as UTF-16 (how some tools and Windows APIs write it).
      return { name: entry.name, text: `${bytes.toString('utf8')}\n${bytes.toString('utf16le')}` };
    });

test('what an agent types is encrypted at rest: the database and its WAL do not open with plain SQLite, no file of the profile holds the caller or the password', async ({
  page,
  shell,
}) => {
  await page.goto(shell.current().url);
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await settings.getByLabel('分机密码').fill(PASSWORD);
  await settings.getByLabel('中心代码').fill('320505');
  await settings.getByLabel('坐席工号').fill('SZ-0042');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('设置已保存');
  await page.keyboard.press('Escape');

  const form = page.getByRole('form', { name: '受理登记表' });
  await form.getByLabel('详细地址').fill(CALLER.address);
  await form.getByLabel('来电人', { exact: true }).fill(CALLER.name);
  await form.getByLabel('联系电话').pressSequentially(CALLER.number, { delay: 20 });
  await form.getByLabel('诉求内容').pressSequentially(CALLER.content, { delay: 0 });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  // The console is still running: its WAL holds the latest pages, and they are encrypted too.
  const file = databaseFile(shell.profileDir);
  expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
  const copy = mkdtempSync(join(tmpdir(), 'minsheng-plain-'));
  try {
    for (const suffix of ['', '-wal']) copyFileSync(`${file}${suffix}`, join(copy, `copy.sqlite${suffix}`));
    const plain = new BetterSqlite3(join(copy, 'copy.sqlite'), { readonly: true });
    expect(() => plain.prepare('SELECT name FROM sqlite_master').all()).toThrow(/file is not a database/);
    plain.close();
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }

  // What was typed is kept (opened with the profile's key)…
  const db = openProfileDb(shell.profileDir, { readonly: true });
  const drafts = (db.prepare('SELECT form_json FROM intake_drafts').pluck().all() as string[]).join('\n');
  db.close();
  for (const value of [CALLER.name, CALLER.number, CALLER.address, CALLER.content]) expect(drafts).toContain(value);

  // …and no file of the profile shows it, while running and after the console stopped.
  const leaks = () =>
    everyFileIn(shell.profileDir).flatMap(({ name, text }) =>
      [...Object.values(CALLER), PASSWORD, '3987650123']
        .filter((value) => text.includes(value))
        .map((value) => `${name}: ${value}`),
    );
  expect(leaks()).toEqual([]);
  await shell.current().stop();
  expect(existsSync(file)).toBe(true);
  expect(leaks()).toEqual([]);
});
