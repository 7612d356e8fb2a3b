import type { Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { openProfileDb } from '../harness/profile-database';
import { expect, test } from './fixtures';
import { saveSettingsInDialog } from '../harness/console-settings';
import { trainingRing } from './training-ring';

/** China time as the console shows it ("12-09 23:59", with the year when it is not this year's), worked out here on its own. */
const chinaTime = (iso: string): string => {
  const china = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString();
  const [date, time] = china(new Date(iso)).split('T') as [string, string];
  const sameYear = date.slice(0, 4) === china(new Date()).slice(0, 4);
  return `${sameYear ? date.slice(5) : date} ${time.slice(0, 5)}`;
};

/** The shipped calendar and modes, read as files: the expected clocks are worked out here, not by the console's code. */
const offDays = new Map<string, boolean>(
  readdirSync('main/data/holidays')
    .filter((name) => name.endsWith('.json'))
    .flatMap(
      (name) =>
        (JSON.parse(readFileSync(`main/data/holidays/${name}`, 'utf8')) as { days: { date: string; isOffDay: boolean }[] }).days,
    )
    .map((day) => [day.date, day.isOffDay]),
);
const addWorkingDays = (chinaDate: string, days: number): string => {
  const at = new Date(`${chinaDate}T00:00:00Z`);
  for (let left = days; left > 0;) {
    at.setUTCDate(at.getUTCDate() + 1);
    const date = at.toISOString().slice(0, 10);
    const off = offDays.get(date) ?? (at.getUTCDay() === 0 || at.getUTCDay() === 6);
    if (!off) left -= 1;
  }
  return at.toISOString().slice(0, 10);
};
const expectedClocks = (
  createdAt: string,
  mode: { contactHours: number; progressWorkingDays: number; closeWorkingDays: number },
) => {
  const created = new Date(createdAt);
  const chinaDate = new Date(created.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const endOf = (date: string) => new Date(`${date}T23:59:59.000+08:00`).toISOString();
  return [
    {
      kind: 'contact',
      dueAt: new Date(created.getTime() + mode.contactHours * 3600 * 1000).toISOString(),
      basis: `${mode.contactHours} 小时`,
    },
    {
      kind: 'progress',
      dueAt: endOf(addWorkingDays(chinaDate, mode.progressWorkingDays)),
      basis: `${mode.progressWorkingDays} 个工作日`,
    },
    { kind: 'close', dueAt: endOf(addWorkingDays(chinaDate, mode.closeWorkingDays)), basis: `${mode.closeWorkingDays} 个工作日` },
  ];
};

const form = (page: Page) => page.getByRole('form', { name: '受理登记表' });
const ENTERPRISE = { name: '扬州市广陵区恒通机械制造有限公司', code: '91350100M000100Y43', mistyped: '91350100M000100Y48' };
const CONTACT = { name: '陈经理', number: '13905271234' };

const storedOrder = (profileDir: string) => {
  const db = openProfileDb(profileDir, { readonly: true });
  try {
    return db
      .prepare('SELECT enterprise_name, credit_code, enterprise_mode, deadline_at, created_at, channel FROM work_orders')
      .all() as {
      enterprise_name: string;
      credit_code: string;
      enterprise_mode: string;
      deadline_at: string;
      created_at: string;
      channel: string;
    }[];
  } finally {
    db.close();
  }
};

test('一企来: a wrong credit-code check digit is refused on its field, the corrected request is dispatched with its handling mode, and the next call shows the mode’s clocks', async ({
  page,
  shell,
}) => {
  // A whole request typed at a person's pace, then a second call: 11–16 s alone, 23 s beside CI's other worker.
  test.setTimeout(60_000);
  await page.goto(shell.current().url);
  await saveSettingsInDialog(page, { centreCode: '321002', agentId: 'YZ-0107' });

  // First call: the enterprise's contact person on the 一企来 line.
  await trainingRing(page, CONTACT.number);
  await page.keyboard.press('F2');
  await expect(form(page).getByLabel('联系电话')).toHaveValue('139 0527 1234');
  await expect(page.getByTestId('enterprise-fields')).toHaveCount(0);
  await form(page).getByLabel('受理渠道').selectOption('一企来');
  await expect(page.getByTestId('enterprise-fields')).toBeVisible();
  await form(page).getByLabel('诉求类型').selectOption('求助');
  await form(page).getByLabel('诉求分类').pressSequentially('sgzy', { delay: 50 });
  await page.keyboard.press('Enter');
  await form(page).getByLabel('发生地点').pressSequentially('hqq', { delay: 50 });
  await page.keyboard.press('Enter');
  await form(page).getByLabel('详细地址').fill('广陵产业园 8 号厂房');
  await form(page).getByLabel('来电人', { exact: true }).fill(CONTACT.name);
  await form(page).getByLabel('企业名称').fill(ENTERPRISE.name);
  await form(page).getByLabel('统一社会信用代码').pressSequentially(ENTERPRISE.mistyped, { delay: 40 });
  await form(page).getByLabel('标题', { exact: true }).fill('厂区周边道路施工影响货车进出');
  await form(page).getByLabel('诉求内容').fill('园区东侧道路施工三周未完工，货车无法进出，请协调施工单位预留通道。');
  await form(page).getByLabel('主办部门').selectOption('住房和城乡建设局');
  await form(page)
    .getByLabel('一企来办理方式')
    .selectOption({ label: '责任单位 · 会同办（1 小时内联系，3 个工作日内反馈进展，5 个工作日内办结）' });

  const missing = page.getByRole('region', { name: '还需补充' });
  await expect(missing).toContainText('统一社会信用代码：统一社会信用代码校验位不符：按前 17 位第 18 位应为“3”');
  await page.keyboard.press('Control+Enter');
  await expect(
    form(page)
      .getByRole('alert')
      .filter({ hasText: /工单未提交：还有 1 项需要补充/ }),
  ).toBeVisible();
  await expect(form(page).locator('.field--error').filter({ hasText: '统一社会信用代码' })).toContainText('校验位不符');
  expect(storedOrder(shell.profileDir)).toEqual([]);

  // The agent reads the code again with the enterprise and corrects the last character.
  await form(page).getByLabel('统一社会信用代码').press('End');
  await form(page).getByLabel('统一社会信用代码').press('Backspace');
  await form(page).getByLabel('统一社会信用代码').press('3');
  await expect(page.getByRole('region', { name: '还需补充' })).toHaveCount(0);
  await expect(page.getByTestId('intake-deadline')).toContainText('一企来 责任单位 · 会同办：5 个工作日');
  await expect(page.getByTestId('intake-enterprise-clocks')).toContainText('联系企业');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: /工单 321002\d+.*已提交/ })).toBeVisible();
  await page.getByRole('button', { name: '结束模拟' }).click();

  const [order] = storedOrder(shell.profileDir);
  expect(order).toMatchObject({
    enterprise_name: ENTERPRISE.name,
    credit_code: ENTERPRISE.code,
    enterprise_mode: 'joint',
    channel: '一企来',
  });
  const config = JSON.parse(readFileSync('main/data/intake/intake-config.json', 'utf8')) as {
    enterpriseModes: { code: string; contactHours: number; progressWorkingDays: number; closeWorkingDays: number }[];
  };
  const expected = expectedClocks(
    order!.created_at,
    config.enterpriseModes.find((known) => known.code === 'joint')!,
  );
  expect(order!.deadline_at).toBe(expected[2]!.dueAt);

  // Second call from the contact person: the open order on the panel, and in it the enterprise and its clocks.
  await trainingRing(page, CONTACT.number);
  const panel = page.getByRole('complementary', { name: '来电信息' });
  const open = panel.getByRole('list', { name: /未办结工单/ }).getByRole('listitem');
  await expect(open).toHaveCount(1);
  await open.first().getByRole('button').first().click();
  const drawer = page.getByRole('dialog', { name: /^工单 / });
  await expect(drawer.getByTestId('order-enterprise')).toHaveText(`${ENTERPRISE.name}（${ENTERPRISE.code}）`);
  await expect(drawer).toContainText('责任单位 · 会同办');
  for (const clock of expected) {
    await expect(drawer.getByTestId(`order-clock-${clock.kind}`)).toContainText(`${chinaTime(clock.dueAt)}（${clock.basis}）`);
  }
  await page.keyboard.press('Escape');
  // And the enterprise's history, with the order just registered for it.
  const history = panel.getByRole('region', { name: `企业历史 · ${ENTERPRISE.name}` });
  await expect(history).toContainText(ENTERPRISE.code);
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: '结束模拟' }).click();
});
