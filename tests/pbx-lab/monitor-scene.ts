/**
 * The monitoring scene of the e2e and the bench: an agent (1001), the lead (1003, L0001) and a
 * colleague as the caller (1002), each set up from an empty profile through 设置, the caller's
 * call answered by the agent with F2, and the lead on 班长台 with the agent's row in view.
 */
import { type Browser, type Locator, expect } from '@playwright/test';
import type { LabConsole, LabConsoleOptions } from './lab-console';

export interface MonitorScene {
  readonly agent: LabConsole;
  readonly lead: LabConsole;
  readonly caller: LabConsole;
  /** The agent's row in the lead's grid, and the lead's session bar. */
  readonly row: Locator;
  readonly bar: Locator;
  /** The caller dials 1001 (the number typed a key at a time) and the agent answers. */
  callOnce(): Promise<void>;
}

export const monitorScene = async (
  open: (extension: string, options: LabConsoleOptions) => Promise<LabConsole>,
  platform: { url: string; password: string },
  browsers: { caller?: Browser; agent?: Browser; lead?: Browser } = {},
): Promise<MonitorScene> => {
  const setup = { setupThroughUi: true, centreCode: '320505', platform } as const;
  const agent = await open('1001', { ...setup, agentId: 'A0001', ...(browsers.agent ? { browser: browsers.agent } : {}) });
  const lead = await open('1003', {
    ...setup,
    agentId: 'L0001',
    ready: false,
    viewport: { width: 1366, height: 768 },
    ...(browsers.lead ? { browser: browsers.lead } : {}),
  });
  const caller = await open('1002', { ...setup, agentId: 'A0002', ...(browsers.caller ? { browser: browsers.caller } : {}) });
  const callOnce = async () => {
    await caller.page.getByRole('button', { name: '外呼' }).click();
    // The field keeps the last number dialled: cleared first, as a person selects it and types over.
    await caller.page.getByLabel('外呼号码').fill('');
    await caller.page.getByLabel('外呼号码').pressSequentially('1001', { delay: 40 });
    await caller.page.getByRole('button', { name: '呼叫' }).click();
    await expect(agent.page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
    await agent.page.keyboard.press('F2');
    await expect(agent.page.getByTestId('agent-state')).toContainText('通话中');
    await expect(caller.page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  };
  await callOnce();
  await lead.page
    .getByRole('navigation', { name: '视图' })
    .getByRole('button', { name: /班长台/ })
    .click();
  const hall = lead.page.getByRole('region', { name: '班长台' });
  const row = hall.locator('[data-agent="A0001"]');
  // The buttons show for an agent on a call only.
  await expect(row.getByRole('button', { name: '监听' })).toBeVisible({ timeout: 15_000 });
  return { agent, lead, caller, row, bar: hall.getByTestId('monitor-bar'), callOnce };
};
