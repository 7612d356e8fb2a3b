import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeProfileSettings } from '../harness/profile-settings';
import { expect, test } from './fixtures';
import { openProfileDb } from '../harness/profile-database';

const entries = [
  {
    id: 'sz-sb',
    title: '苏州市社会保险缴费基数调整',
    body: '苏州市 2026 年度社会保险缴费基数下限为 4880 元，上限为 24402 元。',
    regionCode: '3205',
  },
  { id: 'nj-sb', title: '南京市社保缴费基数', body: '南京市社会保险缴费基数按上年度全口径平均工资确定。', regionCode: '3201' },
  { id: 'js-sb', title: '江苏省社保转移接续', body: '省内社保关系转移无需办理转移手续。', regionCode: '32' },
  { id: 'old-sb', title: '苏州市社保缴费基数（已废止）', body: '旧标准。', regionCode: '3205', validTo: '2024-06-30' },
  { id: 'gjj', title: '苏州市住房公积金租房提取', body: '无房职工租房可每季度提取一次住房公积金。', regionCode: '3205' },
].map((entry) => JSON.stringify({ version: 1, kind: 'info', department: '人力资源和社会保障局', ...entry }));

test('a two-character query finds ranked, highlighted entries as the agent types, and one is cited into the order', async ({
  page,
  shell,
}) => {
  writeProfileSettings(shell.profileDir, { centreCode: '320505', agentId: 'SZ-0042' });
  const file = join(shell.profileDir, 'kb.jsonl');
  writeFileSync(file, `${entries.join('\n')}\n{broken line\n`);
  await page.goto(shell.current().url);

  const kb = page.getByRole('complementary', { name: '热线百科' });
  await kb.getByLabel('选择百科文件导入（JSON Lines，每行一个条目）').setInputFiles(file);
  await expect(kb.getByRole('status')).toContainText('新增 5');
  await expect(kb.getByRole('status')).toContainText('第 6 行：不是合法的 JSON');

  await kb.getByRole('searchbox').fill('社保');
  const results = kb.getByRole('listbox', { name: '检索结果' });
  // Suzhou (the centre's city) first, then the province, then Nanjing; the repealed one hidden.
  await expect(results.getByRole('option')).toHaveText([
    /^苏州市社会保险缴费基数调整/,
    /^江苏省社保转移接续/,
    /^南京市社保缴费基数/,
  ]);
  await expect(results.getByRole('option').first().locator('mark').first()).toHaveText('社会保险');
  await expect(results.getByRole('option').first()).toContainText('本市');
  const paintMs = await page.evaluate(() => performance.getEntriesByName('minsheng:kb-results-painted').at(-1)?.duration ?? -1);
  console.log(`kb: keystroke to results painted ${paintMs.toFixed(1)} ms`);
  expect(paintMs).toBeGreaterThan(0);

  await kb.getByRole('searchbox').press('Enter');
  await expect(kb.getByRole('region', { name: '苏州市社会保险缴费基数调整' })).toBeVisible();
  await kb.getByRole('button', { name: '引用答复' }).click();

  const form = page.getByRole('form', { name: '受理登记表' });
  await expect(form.getByRole('radio', { name: '直接办结' })).toBeChecked();
  await expect(form.getByLabel('答复内容')).toHaveValue('苏州市 2026 年度社会保险缴费基数下限为 4880 元，上限为 24402 元。');

  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  const db = openProfileDb(shell.profileDir, { readonly: true });
  const usage = db.prepare("SELECT entry_id, actor FROM kb_usage WHERE kind = 'cited'").all();
  const draft = JSON.parse(
    db.prepare('SELECT form_json FROM intake_drafts ORDER BY updated_at DESC LIMIT 1').pluck().get() as string,
  ) as { citedEntryId: string };
  db.close();
  expect(usage).toEqual([{ entry_id: 'sz-sb', actor: 'SZ-0042' }]);
  expect(draft.citedEntryId).toBe('sz-sb');
});

test('what is cited is what was picked: the settled search never moves the selection, and the citation is shown and undoable', async ({
  page,
  shell,
}) => {
  writeProfileSettings(shell.profileDir, { centreCode: '320505', agentId: 'SZ-0042' });
  const file = join(shell.profileDir, 'kb.jsonl');
  writeFileSync(file, `${entries.join('\n')}\n`);
  await page.goto(shell.current().url);
  const kb = page.getByRole('complementary', { name: '热线百科' });
  await kb.getByLabel('选择百科文件导入（JSON Lines，每行一个条目）').setInputFiles(file);
  await expect(kb.getByRole('status')).toContainText('新增 5');
  const form = page.getByRole('form', { name: '受理登记表' });
  const search = kb.getByRole('searchbox');
  const results = kb.getByRole('listbox', { name: '检索结果' });

  for (const pause of [0, 2_000]) {
    await search.fill('');
    // A person's typing, then ↓ at once (faster than the 1.5 s settle) or after it.
    await search.pressSequentially('社保', { delay: 120 });
    await expect(results.getByRole('option')).toHaveCount(3);
    await search.press('ArrowDown');
    await expect(results.getByRole('option', { selected: true })).toHaveText(/^江苏省社保转移接续/);
    await page.waitForTimeout(pause || 1_700);
    await expect(results.getByRole('option', { selected: true })).toHaveText(/^江苏省社保转移接续/);
    await search.press('Control+Enter');
    await expect(form.getByLabel('答复内容')).toHaveValue('省内社保关系转移无需办理转移手续。');
    await expect(page.getByTestId('citation-note')).toContainText('已引用“江苏省社保转移接续”');
    await expect(form.getByRole('radio', { name: '直接办结' })).toBeChecked();
    await page.getByRole('button', { name: '撤销引用' }).click();
    await expect(form.getByRole('radio', { name: '派单' })).toBeChecked();
    await expect(form.getByLabel('答复内容')).toHaveCount(0);
  }
});

test('the file picker: a JSON array picked by mistake is refused with the way to convert it; the right file then imports', async ({
  page,
  shell,
}) => {
  const dir = shell.profileDir;
  const wrong = join(dir, '百科条目.json');
  writeFileSync(wrong, `[\n${entries.join(',\n')}\n]\n`);
  const right = join(dir, '百科条目.jsonl');
  writeFileSync(right, `${entries.join('\n')}\n`);
  await page.goto(shell.current().url);
  const kb = page.getByRole('complementary', { name: '热线百科' });
  const picker = kb.getByLabel('选择百科文件导入（JSON Lines，每行一个条目）');
  await picker.setInputFiles(wrong);
  await expect(kb.getByRole('alert')).toContainText('这是一个 JSON 数组文件');
  await expect(kb.getByRole('alert')).toContainText('jq -c');
  await picker.setInputFiles(right);
  await expect(kb.getByRole('status')).toContainText('新增 5');
  await expect(kb.getByRole('alert')).toHaveCount(0);
  await kb.getByRole('searchbox').fill('社保');
  await expect(kb.getByRole('listbox', { name: '检索结果' }).getByRole('option').first()).toBeVisible();
});
