import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from './fixtures';
import { openProfileDb } from '../harness/profile-database';

// The file an editor would pick: two entries for the same words; the one whose title is exactly the
// caller's words comes first, by more than citations alone (popularity) could change.
const entries = [
  { id: 'gjj-window', title: '提取公积金', body: '各区政务服务中心设公积金提取窗口。' },
  { id: 'gjj-rent', title: '住房公积金租房提取办事指南', body: '无房职工租房可每季度提取一次住房公积金。' },
  { id: 'pass', title: '往来港澳通行证签注', body: '探亲、商务签注的办理材料。' },
].map((entry) => JSON.stringify({ version: 1, kind: 'info', department: '住房公积金管理中心', regionCode: '3205', ...entry }));

test('an empty profile learns from citations: three citations put the agents’ entry first for those words, an editor removes it, and the week’s unanswered searches are listed', async ({
  page,
  shell,
}, testInfo) => {
  const file = testInfo.outputPath('kb-learning.jsonl');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${entries.join('\n')}\n`);
  await page.goto(shell.current().url);
  const kb = page.getByRole('complementary', { name: '热线百科' });
  await kb.getByLabel('选择百科文件导入（JSON Lines，每行一个条目）').setInputFiles(file);
  await expect(kb.getByRole('status')).toContainText('新增 3');

  const search = kb.getByRole('searchbox');
  const results = kb.getByRole('listbox', { name: '检索结果' });
  const form = page.getByRole('form', { name: '受理登记表' });
  // A caller's words, not the title: reordered, with filler.
  expect(await results.count()).toBe(0);
  for (const [round, delay] of [60, 0, 60].entries()) {
    await search.fill('');
    await search.pressSequentially('请问提取公积金', { delay });
    await expect(results.getByRole('option').first()).toHaveText(/^提取公积金/);
    await expect(results.getByRole('option').nth(1)).toHaveText(/^住房公积金租房提取办事指南/);
    await search.press('ArrowDown');
    await expect(results.getByRole('option', { selected: true })).toHaveText(/^住房公积金租房提取办事指南/);
    await search.press('Control+Enter');
    await expect(form.getByLabel('答复内容')).toHaveValue('无房职工租房可每季度提取一次住房公积金。');
    await expect(page.getByTestId('citation-note')).toContainText(`已引用“住房公积金租房提取办事指南”`);
    if (round < 2) await page.getByRole('button', { name: '撤销引用' }).click();
  }

  // Same words in another order: now the agents' entry is first.
  await search.fill('');
  await search.pressSequentially('公积金 提取', { delay: 30 });
  await expect(results.getByRole('option').first()).toHaveText(/^住房公积金租房提取办事指南/);

  // Garbage and a search that finds nothing (left to settle, so the editors hear of it).
  await search.fill('？？？""*');
  await expect(results.getByRole('option')).toHaveCount(0);
  await search.fill('无人机备案');
  await expect(kb).toContainText('没有找到');
  await page.waitForTimeout(1_800);

  await kb.getByRole('button', { name: '检索学习与未答问题…' }).click();
  const dialog = page.getByRole('dialog', { name: '百科检索学习' });
  const alias = dialog.getByTestId('learned-alias');
  await expect(alias).toHaveCount(1);
  await expect(alias).toContainText('公积金 提取');
  await expect(alias).toContainText('住房公积金租房提取办事指南');
  await expect(alias).toContainText('生效');
  await expect(dialog.getByRole('table', { name: '本周查无结果的检索（请百科编辑补充）' })).toContainText('无人机备案');
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await expect(dialog.getByRole('button', { name: '关闭' })).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`kb-learning-${viewport.width}.png`) });
  }
  await dialog.getByRole('button', { name: '删除“公积金 提取”→“住房公积金租房提取办事指南”' }).click();
  await expect(alias).toContainText('已删除');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toHaveCount(0);

  await search.fill('');
  await search.pressSequentially('提取公积金', { delay: 60 });
  await expect(results.getByRole('option').first()).toHaveText(/^提取公积金/);

  const db = openProfileDb(shell.profileDir, { readonly: true });
  expect(db.prepare("SELECT action FROM audit_log WHERE action = 'remove_kb_alias'").pluck().all()).toEqual(['remove_kb_alias']);
  expect(db.prepare("SELECT count(*) FROM kb_usage WHERE kind = 'cited' AND entry_id = 'gjj-rent'").pluck().get()).toBe(3);
  db.close();
});
