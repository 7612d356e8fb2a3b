import { platformWithSecondConsole } from './second-console';
import { expect, test } from './fixtures';
import { signedInConsole } from '../harness/console-settings';

const PASSWORD = 'demo1234';

test('求助: the agent raises a hand, the lead sees it at once and answers, the agent sees 班长已收到 and 班长已处理; one raised while the platform is down arrives when it is back', async ({
  page,
  shell,
  browser,
}) => {
  test.setTimeout(150_000);
  const agentDesk = await platformWithSecondConsole(browser, shell.profileDir);
  const { platformUrl, page: agent } = agentDesk;
  try {
    await signedInConsole(page, shell.current().url, { agentId: 'L0001', platformUrl, password: PASSWORD });
    await signedInConsole(agent, agentDesk.shellUrl, { agentId: 'A0003', platformUrl, password: PASSWORD });
    const tabs = page.getByRole('navigation', { name: '视图' });
    await expect(tabs.getByRole('button', { name: '班长台' })).toBeVisible();

    // First hand, by the button, the note typed at a person's pace; Enter sends.
    await agent.getByRole('button', { name: '求助', exact: true }).click();
    const form = agent.getByRole('form', { name: '向班长求助' });
    await expect(form.getByLabel('说明')).toBeFocused();
    await agent.keyboard.type('市民要求投诉街道', { delay: 60 });
    await agent.keyboard.press('Enter');
    await expect(form).toHaveCount(0);
    const chip = agent.getByTestId('help-status');
    await expect(chip).toHaveText('已求助，等待班长');

    // The lead, still at their own desk, is told by the tab; the hall lists who, the note, no call.
    const raisedAt = Date.now();
    await expect(tabs.getByRole('button', { name: /班长台/ })).toContainText('求助 1', { timeout: 5_000 });
    const shownIn = Date.now() - raisedAt;
    await tabs.getByRole('button', { name: /班长台/ }).click();
    const help = page.getByRole('region', { name: '求助' });
    const first = help.locator('[data-help="A0003"]');
    await expect(first).toContainText('市民要求投诉街道');
    await expect(first).toContainText('无通话');
    await first.getByRole('button', { name: '已收到' }).click();
    await expect(chip).toHaveText('班长已收到', { timeout: 5_000 });
    await expect(first).toContainText('已确认收到');
    await expect(tabs.getByRole('button', { name: /班长台/ })).not.toContainText('求助');

    // Second hand, by the shortcut and with no note, typed fast: the newest request is the one shown.
    await agent.keyboard.press('Alt+Q');
    await expect(form.getByLabel('说明')).toBeFocused();
    await agent.keyboard.press('Enter');
    await expect(chip).toHaveText('已求助，等待班长');
    await expect(help.locator('[data-help="A0003"]')).toHaveCount(2);
    // Unanswered first: the new one heads the list.
    const second = help.locator('[data-help="A0003"]').first();
    await expect(second).toContainText('未填写说明');
    await second.getByRole('button', { name: '已处理' }).click();
    await expect(chip).toHaveText('班长已处理', { timeout: 5_000 });
    await expect(help.locator('[data-help="A0003"]')).toHaveCount(1);

    // The platform dies: a hand raised now is kept and queued, and reaches the lead when it is back;
    // the one acknowledged before is still on the lead's list (kept by the platform, not in its memory).
    await agentDesk.killPlatform();
    await expect(agent.getByTestId('status-platform')).not.toContainText('在线', { timeout: 15_000 });
    await agent.getByRole('button', { name: '求助', exact: true }).click();
    await agent.keyboard.type('平台断了还能求助吗', { delay: 30 });
    await agent.keyboard.press('Enter');
    await expect(chip).toHaveText('已求助，等待班长');
    await agentDesk.restartPlatform();
    await expect(help.locator('[data-help="A0003"]').first()).toContainText('平台断了还能求助吗', { timeout: 30_000 });
    await expect(help.locator('[data-help="A0003"]').nth(1)).toContainText('市民要求投诉街道');
    await help.locator('[data-help="A0003"]').first().getByRole('button', { name: '已收到' }).click();
    await expect(chip).toHaveText('班长已收到', { timeout: 10_000 });

    // After a reload the agent still sees where the request stands (kept in the profile, not the page).
    await agent.reload();
    await expect(agent.getByTestId('help-status')).toHaveText('班长已收到', { timeout: 15_000 });

    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await agent.setViewportSize(size);
      await agent.getByRole('button', { name: '求助', exact: true }).click();
      await expect(agent.getByRole('button', { name: '设置', exact: true })).toBeInViewport();
      await expect(form.getByRole('button', { name: '发送' })).toBeInViewport();
      await agent.screenshot({ path: test.info().outputPath(`help-agent-${size.width}.png`) });
      await agent.keyboard.press('Escape');
      await page.setViewportSize(size);
      await expect(page.getByRole('button', { name: '设置', exact: true })).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath(`help-lead-${size.width}.png`) });
    }
    test.info().annotations.push({ type: 'help-shown-ms', description: String(shownIn) });
  } finally {
    await agentDesk.close();
  }
});
