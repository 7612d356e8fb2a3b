import type { Page } from '@playwright/test';
import { writeProfileSettings } from '../harness/profile-settings';
import { expect, test } from './fixtures';
import { trainingRing } from './training-ring';
import { openProfileDb } from '../harness/profile-database';

const form = (page: Page) => page.getByRole('form', { name: '受理登记表' });

const callsInOutbox = (profileDir: string): number => {
  const db = openProfileDb(profileDir, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM outbox WHERE stream = 'call'").pluck().get() as number;
  } finally {
    db.close();
  }
};

const contactNumbers = (profileDir: string) => {
  const db = openProfileDb(profileDir, { readonly: true });
  try {
    return db.prepare('SELECT contact_number FROM work_orders ORDER BY created_at').pluck().all();
  } finally {
    db.close();
  }
};

test.beforeEach(({ shell }) => writeProfileSettings(shell.profileDir, { centreCode: '320505', agentId: 'SZ-0042' }));

test('two callers in a row: each gets a draft of their own with their own number, and an edited draft is kept, not reused', async ({
  page,
  shell,
}) => {
  await page.goto(shell.current().url);
  const contact = form(page).getByLabel('联系电话');

  await trainingRing(page, '13812345678', { name: '王芳' });
  await expect(contact).toHaveValue('138 1234 5678');
  // A training call is a call: it is answered with F2 and runs its timer, without the agent being 示闲.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await expect(page.getByTestId('main-call').getByTestId('call-timer')).toHaveText('00:01', { timeout: 3_000 });
  // The agent does nothing else with this call; the next caller must not inherit the number.
  await page.getByRole('button', { name: '结束模拟' }).click();
  await trainingRing(page, '139-8765-4321', { name: '李强' });
  await expect(contact).toHaveValue('139 8765 4321');
  await expect(page.getByText('（已关联当前来电）')).toBeVisible();

  // This time the agent types: the draft is theirs, and a third call must not overwrite it.
  await form(page).getByLabel('标题', { exact: true }).pressSequentially('小区停水', { delay: 30 });
  await page.getByRole('button', { name: '结束模拟' }).click();
  await trainingRing(page, '137 1111 2222', { name: '张敏' });
  await expect(page.getByTestId('waiting-call')).toBeVisible();
  await expect(contact).toHaveValue('139 8765 4321');
  await expect(form(page).getByLabel('标题', { exact: true })).toHaveValue('小区停水');
  await page.getByRole('button', { name: '为新来电登记' }).click();
  await expect(contact).toHaveValue('137 1111 2222');
  await expect(form(page).getByLabel('标题', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('waiting-call')).toHaveCount(0);
  expect(contactNumbers(shell.profileDir)).toEqual([]);
  // 通话记录 lists the three as training calls, the answered one with its duration; none went to the outbox.
  await page.getByRole('button', { name: '结束模拟' }).click();
  await page.getByRole('button', { name: '更多' }).click();
  await page.getByRole('menuitem', { name: '通话记录' }).click();
  const rows = page.getByRole('list', { name: '通话记录' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: '培训来电' })).toHaveCount(3);
  // Newest first: the third and second were refused while ringing, the first was answered and hung up.
  await expect(rows.nth(2)).toContainText('坐席挂断');
  await expect(rows.nth(2)).not.toContainText('未接通');
  await expect(rows.nth(0)).toContainText('已拒接');
  expect(callsInOutbox(shell.profileDir)).toBe(0);
});

test('an over-long paste stops at the field’s limit with a counter, and the rest of the draft still saves', async ({
  page,
  shell,
}) => {
  await page.goto(shell.current().url);
  await form(page).getByLabel('标题', { exact: true }).fill('小区'.repeat(80));
  await form(page).getByLabel('诉求内容').fill('噪音扰民'.repeat(1_500));
  await expect(form(page).getByLabel('标题', { exact: true })).toHaveValue('小区'.repeat(50));
  await expect(page.getByTestId('counter-content')).toHaveText('5000/5000');
  await expect(page.getByTestId('counter-title')).toHaveText('100/100');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  await expect(page.getByTestId('save-state')).not.toContainText('失败');
});
