import { readFileSync } from 'node:fs';
import { openProfileDb } from '../harness/profile-database';
import { readZip } from '../harness/zip-reader';
import { expect, test } from './fixtures';

const CALLER = {
  name: '司马云霞',
  number: '13861230457',
  address: '三香路 1288 号枫桥花园 3 幢',
  content: '小区门口井盖缺失多日',
};

test('IT exports a diagnostics zip from 设置 in one click: logs, versions and settings, and none of what the agent typed', async ({
  page,
  shell,
}) => {
  await page.goto(shell.current().url);
  const form = page.getByRole('form', { name: '受理登记表' });
  await form.getByLabel('详细地址').fill(CALLER.address);
  await form.getByLabel('来电人', { exact: true }).fill(CALLER.name);
  await form.getByLabel('联系电话').pressSequentially(CALLER.number, { delay: 60 });
  await form.getByLabel('诉求内容').pressSequentially(CALLER.content, { delay: 0 });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  await page.getByRole('button', { name: '设置', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  const exported: Buffer[] = [];
  // Twice in a row (IT often asks again after a change): each click one bundle, both complete.
  for (let round = 0; round < 2; round += 1) {
    const downloading = page.waitForEvent('download');
    await settings.getByRole('button', { name: '导出诊断包' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^minsheng-diagnostics-\d{8}-\d{6}\.zip$/);
    exported.push(readFileSync(await download.path()));
    await expect(settings.getByTestId('diagnostics-result')).toContainText('诊断包已导出');
  }
  for (const zip of exported) {
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['README.txt', 'versions.json', 'settings.json', 'database.json', 'logs/desk.log']),
    );
    const text = [...files.values()].map((data) => data.toString('utf8')).join('\n');
    for (const value of [...Object.values(CALLER), '138-6123-0457']) expect(text).not.toContain(value);
    expect(JSON.parse(files.get('database.json')!.toString('utf8'))).toMatchObject({
      encrypted: true,
      rows: { intake_drafts: 1 },
    });
  }
  const db = openProfileDb(shell.profileDir, { readonly: true });
  expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export_diagnostics'").pluck().get()).toBe(2);
  db.close();
});
