import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { type Browser, type Page, chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../harness/chromium';
import { startPlatformProcess } from '../harness/platform-process';
import { type LabConsole, toneShares } from '../pbx-lab/lab-console';
import { writeToneWav } from '../pbx-lab/wav-tone';
import { monitorScene } from '../pbx-lab/monitor-scene';
import { expect, test } from './lab-fixtures';

const PASSWORD = 'demo1234';
// Each party's microphone speaks its own tone; no tone is a harmonic of another.
const CALLER_HZ = 450;
const AGENT_HZ = 1150;
const LEAD_HZ = 1850;
const HEARD = 0.12;
const SILENT = 0.03;

/** A Chromium of its own per party: the fake microphone's file is a browser-wide flag. */
const browserSpeaking = async (dir: string, hz: number): Promise<Browser> => {
  const wav = join(dir, `tone-${hz}.wav`);
  writeToneWav(wav, hz);
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs({ webrtc: true }), `--use-file-for-fake-audio-capture=${wav}`],
  });
};

const heard = (page: Page, from: { peer?: number } = {}) => toneShares(page, [CALLER_HZ, AGENT_HZ, LEAD_HZ], from);

const platformAudit = (file: string): string[] => {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT data_json FROM records WHERE stream = 'audit' ORDER BY rowid").pluck().all() as string[]).map(
      (json) => {
        const entry = JSON.parse(json) as { action: string; detail: string | null };
        return `${entry.action} ${entry.detail ?? ''}`;
      },
    );
  } finally {
    db.close();
  }
};

test('a lead listens, whispers and barges in on an agent’s call, mixed in the agent’s console; what each party hears is measured', async ({
  openConsole,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-monitor-'));
  const platformDb = join(dir, 'platform.sqlite');
  const platform = await startPlatformProcess(platformDb, 5743);
  const browsers = await Promise.all([CALLER_HZ, AGENT_HZ, LEAD_HZ].map((hz) => browserSpeaking(dir, hz)));
  const [callerBrowser, agentBrowser, leadBrowser] = browsers as [Browser, Browser, Browser];
  const consoles: LabConsole[] = [];
  try {
    // All three set up from empty profiles through 设置, typed a key at a time; the caller's call answered.
    const { agent, lead, caller, row, bar, callOnce } = await monitorScene(
      openConsole,
      { url: platform.url, password: PASSWORD },
      { caller: callerBrowser, agent: agentBrowser, lead: leadBrowser },
    );
    consoles.push(agent, lead, caller);

    // Before: caller and agent hear each other, nobody hears the lead.
    let caller_ = await heard(caller.page);
    let agent_ = await heard(agent.page);
    expect(caller_[AGENT_HZ]).toBeGreaterThan(HEARD);
    expect(agent_[CALLER_HZ]).toBeGreaterThan(HEARD);

    // 监听: the lead hears caller and agent; nothing of the lead reaches the call.
    await row.getByRole('button', { name: '监听' }).click();
    await expect(bar.getByRole('status')).toHaveText('A0001 · 当前：监听', { timeout: 10_000 });
    await expect(agent.page.getByTestId('monitor-indicator')).toHaveText('班长监听中');
    await lead.page.waitForTimeout(800);
    const lead_ = await heard(lead.page);
    expect(lead_[CALLER_HZ]).toBeGreaterThan(HEARD);
    expect(lead_[AGENT_HZ]).toBeGreaterThan(HEARD);
    caller_ = await heard(caller.page);
    agent_ = await heard(agent.page);
    expect(caller_[LEAD_HZ]).toBeLessThan(SILENT);
    expect(agent_[LEAD_HZ]).toBeLessThan(SILENT);
    // The lead's leg carries no lead tone even before the agent's console decides what to play.
    expect((await heard(agent.page, { peer: 1 }))[LEAD_HZ]).toBeLessThan(SILENT);
    expect(caller_[AGENT_HZ]).toBeGreaterThan(HEARD);

    // 耳语 by the shortcut: the agent hears the lead, the caller does not.
    await lead.page.keyboard.press('Alt+2');
    await expect(bar.getByRole('button', { name: '耳语' })).toHaveAttribute('aria-pressed', 'true');
    await expect(agent.page.getByTestId('monitor-indicator')).toHaveText('班长指导中');
    await lead.page.waitForTimeout(800);
    agent_ = await heard(agent.page);
    caller_ = await heard(caller.page);
    expect(agent_[LEAD_HZ]).toBeGreaterThan(HEARD);
    expect(agent_[CALLER_HZ]).toBeGreaterThan(HEARD);
    expect(caller_[LEAD_HZ]).toBeLessThan(SILENT);
    expect(caller_[AGENT_HZ]).toBeGreaterThan(HEARD);

    // 强插: all three hear each other.
    await bar.getByRole('button', { name: '强插' }).click();
    await expect(bar.getByRole('button', { name: '强插' })).toHaveAttribute('aria-pressed', 'true');
    await expect(agent.page.getByTestId('monitor-indicator')).toHaveText('班长已加入通话');
    await lead.page.waitForTimeout(800);
    caller_ = await heard(caller.page);
    agent_ = await heard(agent.page);
    const barged = await heard(lead.page);
    expect(caller_[LEAD_HZ]).toBeGreaterThan(HEARD);
    expect(caller_[AGENT_HZ]).toBeGreaterThan(HEARD);
    expect(agent_[LEAD_HZ]).toBeGreaterThan(HEARD);
    expect(agent_[CALLER_HZ]).toBeGreaterThan(HEARD);
    expect(barged[CALLER_HZ]).toBeGreaterThan(HEARD);
    expect(barged[AGENT_HZ]).toBeGreaterThan(HEARD);
    await lead.page.screenshot({ path: test.info().outputPath('monitor-lead-1366.png') });
    await agent.page.screenshot({ path: test.info().outputPath('monitor-agent-1440.png') });
    await lead.page.setViewportSize({ width: 1920, height: 1080 });
    await lead.page.screenshot({ path: test.info().outputPath('monitor-lead-1920.png') });

    // 结束: the agent's call goes on as before, the lead is gone from it.
    await bar.getByRole('button', { name: '结束' }).click();
    await expect(bar).toBeHidden();
    await expect(agent.page.getByTestId('monitor-indicator')).toBeHidden();
    await agent.page.waitForTimeout(800);
    caller_ = await heard(caller.page);
    agent_ = await heard(agent.page);
    expect(caller_[AGENT_HZ]).toBeGreaterThan(HEARD);
    expect(caller_[LEAD_HZ]).toBeLessThan(SILENT);
    expect(agent_[CALLER_HZ]).toBeGreaterThan(HEARD);
    expect(agent_[LEAD_HZ]).toBeLessThan(SILENT);
    await expect(agent.page.getByTestId('agent-state')).toContainText('通话中');
    await expect(caller.page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');

    // Second call: monitoring ends by itself when the caller hangs up.
    await caller.page.getByRole('button', { name: '挂断' }).click();
    await expect(agent.page.getByTestId('agent-state')).toContainText('话后整理');
    await agent.page.getByRole('button', { name: '示闲' }).click();
    await caller.page.getByRole('button', { name: '示闲' }).click();
    await callOnce();
    // The buttons show for an agent on a call only.
    await expect(row.getByRole('button', { name: '监听' })).toBeVisible({ timeout: 15_000 });
    await row.getByRole('button', { name: '监听' }).click();
    await expect(bar.getByRole('status')).toHaveText('A0001 · 当前：监听', { timeout: 10_000 });
    await caller.page.getByRole('button', { name: '挂断' }).click();
    await expect(bar).toBeHidden();
    await expect(agent.page.getByTestId('agent-state')).toContainText('话后整理');

    // Monitoring made no call record and moved nobody's state: two calls on the agent's console, none on the lead's.
    expect(agent.calls()).toHaveLength(2);
    expect(lead.calls()).toHaveLength(0);
    await expect(lead.page.getByTestId('agent-state')).not.toContainText('通话中');
    // Audited on the agent's console and at the platform: who, which call, each mode with its start and end.
    await expect
      .poll(() => platformAudit(platformDb).filter((line) => line.startsWith('monitor_')), { timeout: 30_000 })
      .toEqual([
        expect.stringMatching(/^monitor_accepted lead L0001; call \S+; modes listen,whisper,barge$/),
        expect.stringMatching(/^monitor_mode lead L0001; call \S+; listen .+ – .+ \(\d+ s\)$/),
        expect.stringMatching(/^monitor_mode lead L0001; call \S+; whisper /),
        expect.stringMatching(/^monitor_ended lead L0001; call \S+; barge /),
        expect.stringMatching(/^monitor_accepted lead L0001/),
        expect.stringMatching(/^monitor_ended lead L0001; call \S+; listen /),
      ]);
  } finally {
    for (const opened of consoles) await opened.close().catch(() => undefined);
    await Promise.all(browsers.map((browser) => browser.close()));
    await platform.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
