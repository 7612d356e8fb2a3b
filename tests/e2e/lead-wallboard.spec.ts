import { platformWithSecondConsole } from './second-console';
import { expect, test } from './fixtures';
import { signedInConsole } from '../harness/console-settings';

const PASSWORD = 'demo1234';

test('team lead: only a lead gets 班长台; an agent’s 签入 and 示忙 reach the lead’s grid live; the 大屏 URL shows the wallboard alone', async ({
  page,
  shell,
  browser,
}) => {
  test.setTimeout(120_000);
  const second = await platformWithSecondConsole(browser, shell.profileDir);
  const { platformUrl, page: agent } = second;
  try {
    // From empty profiles, typed in 设置 and the sync panel as each person would.
    await signedInConsole(page, shell.current().url, { agentId: 'L0001', platformUrl, password: PASSWORD });
    await signedInConsole(agent, second.shellUrl, { agentId: 'A0003', platformUrl, password: PASSWORD });
    // An agent has no 班长台 at all.
    await expect(agent.getByRole('navigation', { name: '视图' })).toHaveCount(0);

    await page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: '班长台' }).click();
    const hall = page.getByRole('region', { name: '班长台' });
    await expect(hall.getByRole('heading', { level: 2 })).toHaveText('班长台 · 一组');
    await expect(hall.getByTestId('tile-waiting')).toContainText('0');
    // No ACD feeds this platform: the lead is told the queue figures may be stale.
    await expect(hall.getByRole('status')).toContainText('队列数据中断');
    // Definitions on hover.
    await expect(hall.getByTestId('tile-service-level')).toHaveAttribute('title', /30 秒内人工接听的来电/);

    // The agent signs in and goes 示忙 with a reason: the lead's grid shows it without a reload.
    await agent.getByRole('button', { name: '签入' }).click();
    await agent.getByRole('button', { name: '示忙' }).click();
    await agent.getByRole('menuitem', { name: '小休' }).click();
    const row = hall.locator('[data-agent="A0003"]');
    await expect(row).toContainText('示忙（小休）', { timeout: 5_000 });
    // Signed in without a registered phone: the queue cannot reach A0003, and the lead sees why.
    await expect(row).toContainText('话机未注册');
    await expect(hall.getByTestId('tile-states')).toContainText('示忙 1');

    // Keyboard: / to the filter, typed, the grid narrows; S changes the sort.
    await hall.getByRole('rowgroup').focus();
    await page.keyboard.press('/');
    await page.keyboard.type('A0099', { delay: 40 });
    await expect(hall.locator('[data-agent]')).toHaveCount(0);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect(row).toBeVisible();
    await hall.getByRole('rowgroup').focus();
    await page.keyboard.press('s');
    await expect(hall.getByLabel('排序（按 S 切换）')).toHaveValue('agentId');

    // The desk is still there underneath: back to it, and the call controls never left.
    await page.getByRole('button', { name: '坐席台' }).click();
    await expect(hall).toHaveCount(0);

    // The hall's wall display: the same console at ?view=wallboard in a window of its own, the wallboard alone.
    await page.getByRole('button', { name: '班长台' }).click();
    const [wall] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: '打开大屏（新窗口）' }).click(),
    ]);
    await expect(wall.getByRole('heading', { name: '12345 话务大屏' })).toBeVisible({ timeout: 15_000 });
    await expect(wall.getByTestId('tile-states')).toContainText('示忙 1');
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.screenshot({ path: test.info().outputPath('wallboard-1920.png') });
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await expect(page.getByRole('button', { name: '设置', exact: true })).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath(`lead-${size.width}.png`) });
    }
  } finally {
    await second.close();
  }
});
