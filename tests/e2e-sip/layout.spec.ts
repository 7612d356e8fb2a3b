/**
 * The console at the screen sizes county PCs have, through a whole call: a carrier call with a long
 * caller name rings, is answered, the order is typed by keyboard, an encyclopedia entry is cited and
 * the order submitted. At every step the bounding boxes must hold: no call control leaves the top
 * bar or the screen, no label wraps a character per line, the deadline and checklist stay in view,
 * no panel's content sticks out of it. Screenshots go to test-results/ for the eye.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { sippAnsweredCall } from '../pbx-lab/sipp';
import { expect, test } from './lab-fixtures';

const TAG = 'tag=[pid]SIPpTag[call_number]';
const LONG_NAME = '苏州市虎丘区狮山横塘街道金色家园小区业主委员会代表王建国先生';

const KB = [
  {
    id: 'sz-gjj',
    title: '苏州市住房公积金租房提取',
    body: '无房职工在苏州租房的，可每季度提取一次住房公积金。',
    regionCode: '3205',
  },
  { id: 'sz-sb', title: '苏州市社会保险缴费基数调整', body: '2026 年度社会保险缴费基数下限为 4880 元。', regionCode: '3205' },
].map((entry) => JSON.stringify({ version: 1, kind: 'info', department: '苏州市住房公积金管理中心（虎丘区分中心）', ...entry }));

/**
 * Everything a reviewer would measure by eye, measured by the page itself. Page script as text: it
 * runs in Chromium, and this file is typechecked without DOM types.
 */
const LAYOUT_PROBLEMS = `(() => {
    const problems = [];
    const width = window.innerWidth;
    const height = window.innerHeight;
    const describe = (element) =>
      \`\${element.tagName.toLowerCase()}「\${(element.textContent ?? '').trim().slice(0, 20)}」\`;
    const bar = document.querySelector('header.softphone');
    if (!bar) return ['no top bar'];
    const barBox = bar.getBoundingClientRect();
    if (barBox.right > width + 1) problems.push(\`top bar is \${Math.round(barBox.width)} px wide in a \${width} px window\`);
    for (const control of bar.querySelectorAll('button, select, [role="status"], .badge, .call__remote')) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.left < barBox.left - 1 || box.right > barBox.right + 1 || box.top < barBox.top - 1 || box.bottom > barBox.bottom + 1)
        problems.push(\`\${describe(control)} leaves the top bar\`);
      if (box.right > width + 1 || box.bottom > height + 1) problems.push(\`\${describe(control)} leaves the screen\`);
    }
    // A label that wraps shows as text on more than one line: one character per line is the worst case.
    for (const label of document.querySelectorAll('button, .badge, .tag, .chip, label, [role="status"], th, legend')) {
      const tops = new Set();
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top / 4));
      }
      const text = (label.textContent ?? '').trim();
      if (tops.size > 1 && text.length <= 12) problems.push(\`\${describe(label)} wraps onto \${tops.size} lines\`);
    }
    for (const testId of ['intake-deadline', 'intake-checklist']) {
      const element = document.querySelector(\`[data-testid="\${testId}"]\`);
      if (!element) {
        problems.push(\`\${testId} missing\`);
        continue;
      }
      const box = element.getBoundingClientRect();
      if (box.top < 0 || box.bottom > height + 1 || box.height === 0) problems.push(\`\${testId} out of view (\${Math.round(box.top)}–\${Math.round(box.bottom)})\`);
    }
    for (const panel of document.querySelectorAll('.workspace > .panel')) {
      const box = panel.getBoundingClientRect();
      if (box.right > width + 1) problems.push(\`\${describe(panel)} leaves the screen\`);
      for (const child of panel.querySelectorAll('input, select, textarea, button, .intake-summary')) {
        const inner = child.getBoundingClientRect();
        if (inner.width === 0) continue;
        if (inner.right > box.right + 1 || inner.left < box.left - 1) problems.push(\`\${describe(child)} sticks out of its panel\`);
      }
    }
    // Something painted over the form fields (a drawer) must not let them show through.
    return problems;
  })()`;

const layoutProblems = (page: Page): Promise<string[]> => page.evaluate(LAYOUT_PROBLEMS);

const expectTidy = async (page: Page, step: string) => {
  expect.soft(await layoutProblems(page), step).toEqual([]);
};

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`a whole call at ${viewport.width}×${viewport.height}: controls stay in the bar, nothing wraps or overflows`, async ({
    openConsole,
    lab,
  }, testInfo) => {
    test.setTimeout(120_000);
    const extension = viewport.width === 1366 ? '1001' : '1002';
    const agent = await openConsole(extension, { viewport });
    const { page } = agent;
    const shot = (name: string) =>
      page.screenshot({ path: testInfo.outputPath(`${viewport.width}x${viewport.height}-${name}.png`) });

    await page.getByRole('button', { name: '设置', exact: true }).click();
    const settings = page.getByRole('dialog', { name: '设置' });
    await settings.getByLabel('中心代码').fill('320505');
    await settings.getByRole('button', { name: '保存', exact: true }).click();
    await settings.waitFor({ state: 'hidden' });

    const kbFile = join(agent.profileDir, '示例百科.jsonl');
    writeFileSync(kbFile, `${KB.join('\n')}\n`);
    const kb = page.getByRole('complementary', { name: '热线百科' });
    await kb.getByLabel('选择百科文件导入（JSON Lines，每行一个条目）').setInputFiles(kbFile);
    await expect(kb.getByRole('status')).toContainText('新增 2');
    await shot('1-idle');
    await expectTidy(page, 'idle');

    const call = sippAnsweredCall({
      runDir: lab.runDir,
      extension,
      name: `layout-${viewport.width}`,
      identity: [`From: "${LONG_NAME}" <sip:13812345678@trunk.invalid>;${TAG}`],
      hungUpBy: 'agent',
    });
    await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
    await expect(page.getByRole('button', { name: '接听', exact: true })).toBeInViewport();
    await expect(page.getByRole('button', { name: '拒接', exact: true })).toBeInViewport();
    await shot('2-ringing');
    await expectTidy(page, 'ringing');

    await page.getByRole('button', { name: '接听', exact: true }).click();
    await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
    // The status bar and the badge say the same thing: one source.
    await expect(page.getByTestId('status-pbx')).toHaveText('话务：已注册');
    await expect(page.getByTestId('registration-state')).toHaveText('已注册');
    for (const name of ['挂断', '保持', '静音', '转接'])
      await expect(page.getByRole('button', { name, exact: true }), name).toBeInViewport();
    await shot('3-talking');
    await expectTidy(page, 'talking');

    const form = page.getByRole('form', { name: '受理登记表' });
    await form.getByLabel('诉求类型').selectOption('咨询');
    await form.getByLabel('诉求分类').pressSequentially('gjjtq', { delay: 30 });
    await page.keyboard.press('Enter');
    await form.getByLabel('标题').pressSequentially('公积金租房提取咨询', { delay: 10 });
    await form.getByLabel('诉求内容').pressSequentially('来电人咨询在苏州租房如何提取住房公积金。', { delay: 10 });
    await kb.getByRole('searchbox').pressSequentially('公积金', { delay: 30 });
    await expect(kb.getByRole('listbox', { name: '检索结果' }).getByRole('option').first()).toContainText('租房提取');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('citation-note')).toContainText('已引用“苏州市住房公积金租房提取”');
    await shot('4-cited');
    await expectTidy(page, 'form filled, entry cited');

    await form.getByLabel('诉求内容').focus();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('status').filter({ hasText: '已提交' })).toBeVisible();
    await shot('5-submitted');
    await expectTidy(page, 'submitted');
    await page.getByRole('button', { name: '挂断', exact: true }).click();
    expect((await call).code).toBe(0);
  });
}
