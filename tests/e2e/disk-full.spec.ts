import { unlinkSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { type ShellProcess, startShellProcess } from '../harness/shell-process';
import { openProfileDb } from '../harness/profile-database';
import { fillDisk, mountSmallDisk, unmountSmallDisk } from '../harness/small-disk';

let profileDir: string | null = null;
let shell: ShellProcess | null = null;

test.afterEach(async () => {
  await shell?.stop();
  if (profileDir) unmountSmallDisk(profileDir);
});

test('a full disk: submit says 磁盘空间不足 and keeps everything typed; when space returns the draft saves itself and submits', async ({
  page,
}) => {
  // A profile on its own 16 MB disk.
  profileDir = mountSmallDisk(16, 'minsheng-smalldisk-');
  test.skip(profileDir === null, 'needs root to mount a tmpfs (CI runs as root)');
  shell = await startShellProcess(profileDir!);
  await page.goto(shell.url);

  const settings = page.getByRole('dialog', { name: '设置' });
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await settings.getByLabel('中心代码').fill('320505');
  await settings.getByLabel('坐席工号').fill('SZ-0042');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '设置已保存' })).toBeVisible();
  await page.keyboard.press('Escape');

  const form = page.getByRole('form', { name: '受理登记表' });
  await form.getByLabel('诉求类型').selectOption('咨询');
  await form.getByLabel('诉求分类').fill('gjjtq');
  await page.keyboard.press('Enter');
  await form.getByLabel('联系电话').fill('13812345678');
  await form.getByLabel('标题').fill('公积金租房提取咨询');
  await form.getByRole('radio', { name: '直接办结' }).check();
  await form.getByLabel('答复内容').fill('已告知租房提取的条件和线上办理渠道。');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  const filler = fillDisk(profileDir!);
  const content = '来电人咨询租房提取住房公积金的条件、所需材料和办理渠道，希望能在网上办理。';
  await form.getByLabel('诉求内容').click();
  await page.keyboard.type(content, { delay: 20 });
  await expect(page.getByTestId('save-state')).toContainText('磁盘空间不足');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: '磁盘空间不足' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已提交' })).toHaveCount(0);
  await expect(form.getByLabel('诉求内容')).toHaveValue(content);
  await expect(form.getByLabel('标题')).toHaveValue('公积金租房提取咨询');

  unlinkSync(filler);
  const freedAt = Date.now();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved', { timeout: 10_000 });
  await expect(page.getByText('磁盘空间已恢复')).toBeVisible();
  console.log(`disk-full: draft saved again ${Date.now() - freedAt} ms after space returned`);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: '已提交' })).toBeVisible();

  await shell.stop();
  shell = null;
  const db = openProfileDb(profileDir!, { readonly: true });
  expect(db.prepare('SELECT title, content FROM work_orders').all()).toEqual([{ title: '公积金租房提取咨询', content }]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
});
