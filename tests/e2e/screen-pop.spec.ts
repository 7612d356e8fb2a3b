import { openDatabase } from '../../main/db/open-database';
import { databaseFile } from '../../main/profile/database-file';
import { seedCallerHistory } from '../harness/history-fixtures';
import { expect, test } from './fixtures';
import { trainingRing } from './training-ring';
import { openProfileDb, profileKey } from '../harness/profile-database';

const seed = (profileDir: string, options: Omit<Parameters<typeof seedCallerHistory>[1], 'now'>) => {
  const { db } = openDatabase({ file: databaseFile(profileDir), key: profileKey(profileDir) });
  try {
    return seedCallerHistory(db, { ...options, now: new Date() });
  } finally {
    db.close();
  }
};

test('a ringing call pops the caller’s open orders, deadlines and past calls before it is answered', async ({ page, shell }) => {
  const history = seed(shell.profileDir, {
    numberKey: '13812345678',
    name: '王芳',
    tags: ['重复来电'],
    open: 2,
    closed: 3,
    calls: 5,
  });
  await page.goto(shell.current().url);
  await trainingRing(page, '+86 138 1234 5678', { name: '王芳' });

  await expect(page.getByRole('status').filter({ hasText: '振铃' })).toBeVisible();
  const panel = page.getByRole('complementary', { name: '来电信息' });
  await expect(panel.getByTestId('caller-number')).toHaveText('138 1234 5678');
  await expect(panel).toContainText('王芳');
  await expect(panel).toContainText('重复来电');
  await expect(panel).toContainText('近 30 天来电 5 次');

  const open = panel.getByRole('list', { name: '未办结工单（2）' });
  await expect(open.getByRole('listitem')).toHaveCount(2);
  // The order's own deadline (a step's clock may follow it).
  await expect(open.getByRole('listitem').first().locator('[data-tone]').first()).toHaveAttribute('data-tone', 'overdue');
  await expect(open.getByRole('listitem').first()).toContainText('已超期 1 天');
  await expect(open.getByRole('listitem').nth(1)).toContainText('剩余');
  await expect(panel.getByRole('list', { name: '历史来电' }).getByRole('listitem')).toHaveCount(5);
  await expect(panel.getByRole('list', { name: '历史来电' }).getByRole('listitem').first()).toContainText('通话 3 分 5 秒');
  await expect(panel.getByRole('list', { name: '历史工单' }).getByRole('listitem')).toHaveCount(5);
  // Still ringing: the agent has not answered, yet the history is on screen.
  await expect(page.getByRole('button', { name: '结束模拟' })).toBeVisible();

  await open.getByRole('listitem').first().getByRole('button').first().click();
  const drawer = page.getByRole('dialog', { name: /^工单 / });
  await expect(drawer.getByRole('list', { name: '办理过程' }).getByRole('listitem')).toHaveText([/受理/, /派单.*派至城市管理局/]);
  // Nothing of the form shows through the drawer: at points across it, the topmost element is the drawer's.
  const box = (await drawer.boundingBox())!;
  const covered = await page.evaluate<boolean[]>(
    `[0.2, 0.5, 0.8].flatMap((fx) => [0.3, 0.6, 0.9].map((fy) =>
      Boolean(document.elementFromPoint(${box.x} + ${box.width} * fx, ${box.y} + ${box.height} * fy)?.closest('[role="dialog"]'))))`,
  );
  expect(covered.every(Boolean)).toBe(true);
  expect(history.openOrderIds).toHaveLength(2);
});

test('a withheld number shows 号码未显示 instead of someone else’s history', async ({ page, shell }) => {
  seed(shell.profileDir, { numberKey: '13812345678', open: 1, closed: 0, calls: 1 });
  await page.goto(shell.current().url);
  await trainingRing(page, '', { withheld: true });
  const panel = page.getByRole('complementary', { name: '来电信息' });
  await expect(panel.getByTestId('caller-number')).toHaveText('号码未显示');
  await expect(panel.getByRole('list', { name: /未办结工单/ })).toHaveCount(0);
});

test('a confidential caller is masked until 显示 is pressed, and the reveal is audited', async ({ page, shell }) => {
  const { callerId } = seed(shell.profileDir, {
    numberKey: '13812341234',
    name: '李四',
    confidential: true,
    open: 1,
    closed: 0,
    calls: 2,
  });
  await page.clock.install();
  await page.goto(shell.current().url);
  await trainingRing(page, '13812341234');
  const panel = page.getByRole('complementary', { name: '来电信息' });
  await expect(panel.getByTestId('caller-number')).toHaveText('138****1234');
  await expect(panel).toContainText('保密');
  await expect(panel).not.toContainText('李四');
  await panel.getByRole('button', { name: '显示' }).click();
  await expect(panel.getByTestId('caller-number')).toHaveText('138 1234 1234');
  // Shown for the reveal window only, then masked again; a second look is a second audited 显示.
  await page.clock.fastForward('00:25');
  await expect(panel.getByTestId('caller-number')).toHaveText('138 1234 1234');
  await page.clock.fastForward('00:06');
  await expect(panel.getByTestId('caller-number')).toHaveText('138****1234');
  await expect(panel.getByRole('button', { name: '显示' })).toBeVisible();

  const db = openProfileDb(shell.profileDir, { readonly: true });
  const actions = db.prepare('SELECT action FROM audit_log WHERE caller_id = ? ORDER BY seq').pluck().all(callerId);
  db.close();
  expect(actions).toEqual(['view_caller', 'reveal_number']);

  // 通话记录 masks the confidential caller's calls too, with the same audited, timed 显示.
  await page.getByRole('button', { name: '拒接' }).click();
  await page.getByRole('button', { name: '更多' }).click();
  await page.getByRole('menuitem', { name: '通话记录' }).click();
  const row = page.getByRole('list', { name: '通话记录' }).getByRole('listitem').first();
  await expect(row).toContainText('138****1234');
  await row.getByRole('button', { name: '显示' }).click();
  await expect(row).toContainText('13812341234');
  await page.clock.fastForward('00:31');
  await expect(row).toContainText('138****1234');
  await expect(row).not.toContainText('13812341234');
  const reveals = openProfileDb(shell.profileDir, { readonly: true });
  expect(reveals.prepare("SELECT screen FROM audit_log WHERE action = 'reveal_number' ORDER BY seq").pluck().all()).toEqual([
    'caller-panel',
    'call-history',
  ]);
  reveals.close();
});
