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
import { sippAnsweredCall, sippCallExpecting } from '../pbx-lab/sipp';
import { platformSignIn } from '../harness/platform-http';
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

const parties = new Map<Page, string>();
/** What the party hears, printed for the record (the shares the assertions read). */
const heard = async (page: Page, from: { peer?: number } = {}) => {
  const shares = await toneShares(page, [CALLER_HZ, AGENT_HZ, LEAD_HZ], from);
  const what = [CALLER_HZ, AGENT_HZ, LEAD_HZ].map((hz) => `${hz} Hz ${shares[hz]!.toFixed(3)}`).join(' · ');
  console.log(`${parties.get(page) ?? '?'}${from.peer === undefined ? '' : ` (lead's leg, raw)`} hears: ${what}`);
  return shares;
};

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
  lab,
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
    parties.set(agent.page, 'agent').set(lead.page, 'lead').set(caller.page, 'caller');

    // Before: caller and agent hear each other, nobody hears the lead.
    console.log('— before');
    let caller_ = await heard(caller.page);
    let agent_ = await heard(agent.page);
    expect(caller_[AGENT_HZ]).toBeGreaterThan(HEARD);
    expect(agent_[CALLER_HZ]).toBeGreaterThan(HEARD);

    // 监听: the lead hears caller and agent; nothing of the lead reaches the call.
    console.log('— 监听');
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
    console.log('— 耳语');
    await lead.page.keyboard.press('Alt+W');
    await expect(bar.getByRole('button', { name: '耳语' })).toHaveAttribute('aria-pressed', 'true');
    await expect(agent.page.getByTestId('monitor-indicator')).toHaveText('班长指导中');
    await lead.page.waitForTimeout(800);
    agent_ = await heard(agent.page);
    caller_ = await heard(caller.page);
    expect(agent_[LEAD_HZ]).toBeGreaterThan(HEARD);
    expect(agent_[CALLER_HZ]).toBeGreaterThan(HEARD);
    expect(caller_[LEAD_HZ]).toBeLessThan(SILENT);
    expect(caller_[AGENT_HZ]).toBeGreaterThan(HEARD);
    // Coached, the agent answers the lead on 静音: the caller hears neither, the lead still hears the agent.
    await agent.page.getByRole('button', { name: '静音' }).click();
    await agent.page.waitForTimeout(800);
    caller_ = await heard(caller.page);
    expect(caller_[AGENT_HZ]).toBeLessThan(SILENT);
    expect(caller_[LEAD_HZ]).toBeLessThan(SILENT);
    expect((await heard(lead.page))[AGENT_HZ]).toBeGreaterThan(HEARD);
    await agent.page.getByRole('button', { name: '取消静音' }).click();

    // 强插: all three hear each other.
    console.log('— 强插');
    await bar.getByRole('button', { name: '强插' }).click();
    await expect(bar.getByRole('button', { name: '强插' })).toHaveAttribute('aria-pressed', 'true');
    await expect(agent.page.getByTestId('monitor-indicator')).toHaveText('班长已加入通话');
    // 静音 in barge silences the agent toward the caller, not the lead.
    await agent.page.getByRole('button', { name: '静音' }).click();
    await agent.page.waitForTimeout(800);
    caller_ = await heard(caller.page);
    expect(caller_[AGENT_HZ]).toBeLessThan(SILENT);
    expect(caller_[LEAD_HZ]).toBeGreaterThan(HEARD);
    await agent.page.getByRole('button', { name: '取消静音' }).click();
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
    // The indicator takes room in the bar: at 1366 px every call control is still on screen.
    await agent.page.setViewportSize({ width: 1366, height: 768 });
    for (const control of ['挂断', '保持', '静音', '转接'])
      await expect(agent.page.getByRole('button', { name: control, exact: true })).toBeInViewport({ ratio: 1 });
    await expect(agent.page.getByRole('button', { name: '设置', exact: true })).toBeInViewport({ ratio: 1 });
    await agent.page.screenshot({ path: test.info().outputPath('monitor-agent-1366.png') });
    await lead.page.setViewportSize({ width: 1920, height: 1080 });
    await lead.page.screenshot({ path: test.info().outputPath('monitor-lead-1920.png') });

    // 结束: the agent's call goes on as before, the lead is gone from it.
    console.log('— after 结束');
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

    // Someone else's INVITE joining the call: a forged permission is refused with 403 and audited,
    // a Join naming no call of the agent's gets 481; the call goes on untouched.
    const joined = agent.calls()[0]!.sip_call_id!;
    const forged = `${Buffer.from(JSON.stringify({ v: 1, lead: 'X9999', agent: 'A0001', callId: joined })).toString('base64url')}.${Buffer.from('not signed').toString('base64url')}`;
    const forgedInvite = await sippCallExpecting({
      runDir: lab.runDir,
      extension: '1001',
      status: 403,
      headers: [`Join: ${joined}`, 'Require: join', `X-Minsheng-Monitor-Token: ${forged}`],
    });
    expect(forgedInvite.code, forgedInvite.output).toBe(0);
    const noSuchCall = await sippCallExpecting({
      runDir: lab.runDir,
      extension: '1001',
      status: 481,
      headers: ['Join: no-such-call@pbx', 'Require: join', `X-Minsheng-Monitor-Token: ${forged}`],
    });
    expect(noSuchCall.code, noSuchCall.output).toBe(0);
    // A real permission works once (SIPp as the lead's phone: answered without ringing, then hangs up)
    // and is refused when sent again.
    const signedInLead = await platformSignIn(platform.url, 'L0001', PASSWORD);
    const granted = (await (
      await fetch(`${platform.url}/v1/lead/monitor-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${signedInLead.token}` },
        body: JSON.stringify({ agentId: 'A0001', modes: ['listen'] }),
      })
    ).json()) as { token: string; callId: string };
    expect(granted.callId).toBe(joined);
    const leadPhone = [
      'From: "Lead" <sip:1003@trunk.invalid>;tag=[pid]SIPpLead[call_number]',
      `Join: ${joined}`,
      'Require: join',
      `X-Minsheng-Monitor-Token: ${granted.token}`,
    ];
    const once = await sippAnsweredCall({
      runDir: lab.runDir,
      extension: '1001',
      identity: leadPhone,
      talkMs: 1000,
      name: 'monitor-once',
    });
    expect(once.code, once.output).toBe(0);
    const replayed = await sippCallExpecting({ runDir: lab.runDir, extension: '1001', status: 403, headers: leadPhone.slice(1) });
    expect(replayed.code, replayed.output).toBe(0);
    await expect(agent.page.getByTestId('monitor-indicator')).toBeHidden();
    expect((await heard(caller.page))[AGENT_HZ]).toBeGreaterThan(HEARD);

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
        'monitor_refused signature',
        expect.stringMatching(/^monitor_accepted lead L0001; call \S+; modes listen$/),
        expect.stringMatching(/^monitor_ended lead L0001; call \S+; listen /),
        'monitor_refused replayed',
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
