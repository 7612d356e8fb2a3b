import { openProfileDb } from '../harness/profile-database';
import { expect, test } from './fixtures';
import { saveSettingsInDialog } from '../harness/console-settings';
import { trainingRing } from './training-ring';
import { typeNoiseOrder } from './type-order';

const NUMBER = '13812120909';

/** What the file holds: 催办 events and their outbox rows (SM4 off here, so payloads are stored as JSON text). */
const urgedEvents = (profileDir: string) => {
  const db = openProfileDb(profileDir, { readonly: true });
  try {
    return {
      events: db.prepare("SELECT count(*) FROM work_order_events WHERE kind = 'urged'").pluck().get(),
      outbox: db
        .prepare(
          "SELECT count(*) FROM outbox WHERE stream = 'work_order_event' AND json_extract(payload_json, '$.kind') = 'urged'",
        )
        .pluck()
        .get(),
    };
  } finally {
    db.close();
  }
};

test('a citizen chasing an open order: 催办 in one click from the caller panel, once per call, counted on the order, in its history and queued for the platform', async ({
  page,
  shell,
}) => {
  await page.goto(shell.current().url);
  await saveSettingsInDialog(page, { centreCode: '320505', agentId: 'SZ-0042' });

  // First call: the complaint is registered.
  await trainingRing(page, NUMBER);
  await page.keyboard.press('F2');
  await typeNoiseOrder(page, {
    address: '长江路 88 号工地',
    name: '上官婉',
    title: '夜间施工噪音扰民',
    content: '工地每晚 22 点后还在施工电锯声很大',
  });
  await page.getByRole('button', { name: '结束模拟' }).click();

  // Second call: the citizen asks where it stands. One click records the 催办.
  await trainingRing(page, NUMBER);
  const panel = page.getByRole('complementary', { name: '来电信息' });
  const order = panel
    .getByRole('list', { name: /未办结工单/ })
    .getByRole('listitem')
    .first();
  await expect(order).toContainText('夜间施工噪音扰民');
  await expect(order.getByTestId('urged-count')).toHaveCount(0);
  const urge = order.getByRole('button', { name: '为“夜间施工噪音扰民”登记催办' });
  await urge.click();
  await expect(panel.getByRole('status').filter({ hasText: '已登记催办（第 1 次）' })).toBeVisible();
  await expect(order.getByTestId('urged-count')).toHaveText('已催办 1 次');
  await expect(urge).toHaveText('已催办');
  // Pressed again in the same call, faster than anyone means to: nothing more is recorded.
  await urge.click();
  await urge.click();
  await expect(panel.getByRole('status').filter({ hasText: '本次来电已登记过催办（共 1 次）' })).toBeVisible();
  expect(urgedEvents(shell.profileDir)).toEqual({ events: 1, outbox: 1 });
  await page.getByRole('button', { name: '结束模拟' }).click();

  // Third call: the panel shows the earlier 催办, and the button asks again (a new call may chase again).
  await trainingRing(page, NUMBER);
  await expect(order.getByTestId('urged-count')).toHaveText('已催办 1 次');
  await expect(urge).toHaveText('催办');
  await expect(urge).toHaveAttribute('aria-pressed', 'false');

  // The order's history shows it, with the agent who recorded it.
  await order.getByRole('button').first().click();
  const drawer = page.getByRole('dialog', { name: /^工单 / });
  await expect(drawer.getByRole('list', { name: '办理过程' }).getByRole('listitem').filter({ hasText: '催办' })).toHaveCount(1);
});
