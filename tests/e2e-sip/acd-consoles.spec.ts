import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './lab-fixtures';
import { runQueueCallers, sippQueueTally } from '../pbx-lab/sipp-queue';
import { startPlatformProcess } from '../harness/platform-process';
import { startShellProcess } from '../harness/shell-process';
import { signedInConsole } from '../harness/console-settings';
import { platformSignIn } from '../harness/platform-http';
import type { LabConsole } from '../pbx-lab/lab-console';

const PASSWORD = 'demo1234';
type Habit = 'answers' | 'refuses-first' | 'busy-after-first';

/**
 * An agent at the console, as a person works it: waits for 来电振铃, answers with F2 or refuses with
 * 拒接, and after the caller hangs up ends 话后整理 with 示闲 — or goes 示忙 (小休) after the first call.
 */
const workTheQueue = async (page: Page, habit: Habit, done: () => boolean): Promise<{ answered: number; refused: number }> => {
  const tally = { answered: 0, refused: 0 };
  const ringing = page.getByRole('status').filter({ hasText: '来电振铃' });
  while (!done()) {
    if (!(await ringing.isVisible())) {
      await page.waitForTimeout(100);
      continue;
    }
    if (habit === 'refuses-first' && tally.refused === 0) {
      await page.getByRole('button', { name: '拒接' }).click();
      tally.refused += 1;
      // The queue may offer this console the next call at once: no waiting for the ring to stop.
      await page.waitForTimeout(300);
      continue;
    }
    await page.keyboard.press('F2');
    // Answered: the agent is on the call, or already past it (a caller who gave up as it was answered
    // hangs up at once). Still ringing after 5 s: the caller gave up and the next call rings — look again.
    const answered = page.getByTestId('agent-state').filter({ hasText: /通话中|话后整理/ });
    if (
      !(await answered.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      ))
    )
      continue;
    tally.answered += 1;
    if (habit === 'busy-after-first') {
      // A difficult caller: 求助 by the shortcut, a short note typed, Enter — while still talking.
      await page.keyboard.press('Alt+Q');
      await page.keyboard.type('市民情绪激动', { delay: 30 });
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('help-status')).toHaveText('已求助，等待班长');
    }
    // The citizen (SIPp) hangs up after talking.
    await expect(page.getByTestId('agent-state')).toContainText('话后整理', { timeout: 20_000 });
    if (habit === 'busy-after-first') {
      await page.getByRole('button', { name: '示忙' }).click();
      await page.getByRole('menuitem', { name: '小休' }).click();
      return tally;
    }
    await page.getByRole('button', { name: '示闲' }).click();
    await expect(page.getByTestId('agent-state')).toContainText('空闲');
  }
  return tally;
};

test('a SIPp burst to 12345 against three consoles that answer, refuse and go 示忙: the lead’s wallboard equals SIPp’s log and the consoles’ records', async ({
  openConsole,
  lab,
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-acd-consoles-'));
  const platform = await startPlatformProcess(join(dir, 'platform.sqlite'), 5742, ['--acd', 'kamailio']);
  const leadShell = await startShellProcess(join(dir, 'lead'));
  const leadContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const consoles: LabConsole[] = [];
  try {
    // Three agents set up from empty profiles through 设置, signed in to the platform, 签入 and 示闲.
    const habits: Record<string, Habit> = { '1001': 'answers', '1002': 'refuses-first', '1003': 'busy-after-first' };
    for (const [index, extension] of Object.keys(habits).entries())
      consoles.push(
        await openConsole(extension, {
          setupThroughUi: true,
          centreCode: '320505',
          agentId: `A000${index + 1}`,
          platform: { url: platform.url, password: PASSWORD },
        }),
      );
    const lead = await leadContext.newPage();
    await signedInConsole(lead, leadShell.url, { agentId: 'L0001', platformUrl: platform.url, password: PASSWORD });
    await lead
      .getByRole('navigation', { name: '视图' })
      .getByRole('button', { name: /班长台/ })
      .click();
    const hall = lead.getByRole('region', { name: '班长台' });
    // The platform hears the PBX's queue (evapi) and the three agents ready.
    await expect(hall.getByTestId('tile-states')).toContainText('示闲 3', { timeout: 15_000 });
    await expect(hall.getByRole('status').filter({ hasText: '队列数据中断' })).toHaveCount(0, { timeout: 10_000 });

    let burstOver = false;
    const burst = runQueueCallers(
      {
        name: 'consoles',
        calls: 8,
        ratePerSecond: 4,
        patienceMs: 7000,
        talkMs: 1500,
        numberPrefix: '1397654000',
        localPort: 5300,
      },
      lab.runDir,
    ).finally(() => (burstOver = true));
    const worked = await Promise.all(
      consoles.map((agent) => workTheQueue(agent.page, habits[agent.extension]!, () => burstOver)),
    );
    const result = await burst;
    expect(result.calls, result.output).toHaveLength(8);

    // Independently of the PBX and the platform: SIPp's own log, through the same formulas.
    const fromSipp = sippQueueTally(result.calls);
    // ... and the consoles' own call records: what each agent answered and refused.
    const records = consoles.map((agent) => agent.calls());
    // A 200 that crossed the caller's CANCEL: the console answered, SIPp had given up and hung up at once.
    const late = new Set(result.calls.filter((call) => call.lateAnsweredAt !== null).map((call) => call.callId));
    const answeredByConsole = records.map((calls) => calls.filter((call) => call.answer_at !== null).length);
    const lateByConsole = records.map((calls) => calls.filter((call) => late.has(call.sip_call_id ?? '')).length);
    const takenFromQueue = answeredByConsole.map((count, index) => count - lateByConsole[index]!);
    const refusedByConsole = records.map((calls) => calls.filter((call) => call.end_cause === 'rejected').length);
    expect(answeredByConsole).toEqual(worked.map((tally) => tally.answered));
    expect(refusedByConsole).toEqual(worked.map((tally) => tally.refused));
    expect(refusedByConsole[1]).toBe(1);
    expect(answeredByConsole[2]).toBe(1);
    expect(lateByConsole.reduce((sum, count) => sum + count, 0)).toBe(late.size);
    expect(fromSipp.answered).toBe(takenFromQueue.reduce((sum, count) => sum + count, 0));
    expect(fromSipp.abandoned).toBeGreaterThanOrEqual(1);

    // The raised hand reached the lead with its call and the caller masked; 已收到 reaches the agent.
    const help = hall.getByRole('region', { name: '求助' }).locator('[data-help="A0003"]');
    await expect(help).toContainText('市民情绪激动');
    await expect(help).toContainText(/通话(中|已结束).*139\*\*\*\*000\d/);
    await help.getByRole('button', { name: '已收到' }).click();
    await expect(consoles[2]!.page.getByTestId('help-status')).toHaveText('班长已收到');

    // The lead's tiles, painted from the platform's deltas.
    await expect(hall.getByTestId('tile-offered')).toHaveAttribute('aria-label', `呼入 ${fromSipp.offered}`);
    await expect(hall.getByTestId('tile-answered')).toHaveAttribute('aria-label', `接通 ${fromSipp.answered}`);
    await expect(hall.getByTestId('tile-abandoned')).toContainText(String(fromSipp.abandoned));
    await expect(hall.getByTestId('tile-waiting')).toHaveAttribute('aria-label', '排队中 0');
    await expect(hall.getByTestId('tile-states')).toContainText('示忙 1');
    const token = await platformSignIn(platform.url, 'L0001', PASSWORD);
    const board = (await (
      await fetch(`${platform.url}/v1/lead/wallboard`, { headers: { authorization: `Bearer ${token.token}` } })
    ).json()) as {
      queue: { averageWaitSeconds: number | null };
      agents: { agentId: string; answeredCitizenCalls: number; handled: number }[];
    };
    expect(Math.abs((board.queue.averageWaitSeconds ?? 0) - fromSipp.answeredWaitMs / fromSipp.answered / 1000)).toBeLessThan(
      0.05,
    );
    // Per agent: the PBX's attribution of each answer equals what that console recorded.
    for (const [index, agentId] of ['A0001', 'A0002', 'A0003'].entries())
      expect(board.agents.find((agent) => agent.agentId === agentId)).toMatchObject({
        answeredCitizenCalls: takenFromQueue[index],
        handled: answeredByConsole[index],
      });
    test.info().annotations.push({ type: 'glare', description: String(late.size) });
    // Each agent's own figures in their console: 接听 as their records count it.
    for (const [index, agent] of consoles.entries())
      await expect(agent.page.getByTestId('my-answeredCalls')).toContainText(String(answeredByConsole[index]), {
        timeout: 35_000,
      });
    await lead.screenshot({ path: test.info().outputPath('acd-lead-1920.png') });
    await lead.setViewportSize({ width: 1366, height: 768 });
    await lead.screenshot({ path: test.info().outputPath('acd-lead-1366.png') });
  } finally {
    // End of shift: 签出, so the PBX offers these extensions nothing once the consoles are gone.
    for (const agent of consoles)
      await agent.page
        .getByRole('button', { name: '签出' })
        .click()
        .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await leadContext.close();
    await leadShell.stop();
    await platform.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
