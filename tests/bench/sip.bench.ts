/**
 * `npm run bench -- sip [calls]`: the softphone on the PBX lab, in Chromium through the browser
 * shell, inside the private network namespace scripts/bench.mjs makes (as `npm test` does).
 *   sip.register.p95_ms             REGISTER sent to 200 OK (401 challenge and digest included), over
 *                                   as many re-registrations, each after the WebSocket was cut
 *   sip.invite_to_ring.p95_ms       INVITE handed over by the WebSocket to the ringing call painted
 *   sip.answer_to_audio.p95_ms      接听 clicked to the first inbound RTP packet counted by getStats
 *   sip.reregister_after_pbx_restart_s  Kamailio answering again to the console registered (10 restarts)
 *   sip.reregister_after_refresh_failure_s  a registrar that refused a refresh (503, then 503 to two
 *                                   retries) accepting again, to the console registered (10 rounds)
 */
import { chromium } from '@playwright/test';
import { defaultPhonePreferences } from '../../main/phone/domain/phone-preferences';
import { chromiumArgs, chromiumPath } from '../harness/chromium';
import { startBaresip } from '../pbx-lab/baresip';
import { LAB_HOST, startLab } from '../pbx-lab/lab';
import { openLabConsole } from '../pbx-lab/lab-console';
import { startWsTap } from '../pbx-lab/ws-tap';
import { percentile, report } from './bench-output';

const CALLS = Math.max(20, Number(process.argv[2] ?? 25));
const RESTARTS = 10;

const lab = await startLab();
report('sip.lab_startup_ms', lab.startupMs, 'ms');
const tap = await startWsTap();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ webrtc: true }) });
try {
  const agent = await openLabConsole(browser, '1001', {
    servers: [tap.url],
    preferences: { ...defaultPhonePreferences, wrapUpSeconds: 0 },
  });
  const { page } = agent;
  const measure = (name: string) =>
    page
      .waitForFunction((entry) => performance.getEntriesByName(entry).at(-1)?.duration ?? null, name, { timeout: 10_000 })
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(async (error: unknown) => {
        throw new Error(`${name} not measured; the bar shows: ${await page.locator('.softphone').innerText()}`, { cause: error });
      });
  const clear = () => page.evaluate(() => performance.clearMeasures());

  const registers: number[] = [];
  for (let round = 0; round < CALLS; round += 1) {
    await clear();
    tap.cut();
    registers.push(await measure('minsheng:registered'));
  }
  report('sip.register.p95_ms', percentile(registers, 95), 'ms');
  report('sip.register.p50_ms', percentile(registers, 50), 'ms');

  const caller = await startBaresip({ extension: '2001', runDir: lab.runDir });
  const rings: number[] = [];
  const audio: number[] = [];
  for (let call = 0; call < CALLS; call += 1) {
    await clear();
    await caller.command(`dial sip:1001@${LAB_HOST}`);
    rings.push(await measure('minsheng:ring-painted'));
    await page.getByRole('button', { name: '接听', exact: true }).click();
    audio.push(await measure('minsheng:first-audio'));
    await page.getByRole('button', { name: '挂断' }).click();
    await page.getByTestId('agent-state').filter({ hasText: '空闲' }).waitFor();
  }
  await caller.stop();
  report('sip.invite_to_ring.p95_ms', percentile(rings, 95), 'ms');
  report('sip.invite_to_ring.p50_ms', percentile(rings, 50), 'ms');
  report('sip.answer_to_audio.p95_ms', percentile(audio, 95), 'ms');
  report('sip.answer_to_audio.p50_ms', percentile(audio, 50), 'ms');
  const records = agent.calls().filter((row) => row.direction === 'inbound');
  if (records.length !== CALLS || records.some((row) => row.end_cause !== 'agent_hangup'))
    throw new Error(`expected ${CALLS} inbound records ended by the agent, found ${records.length}`);
  await agent.close();

  // The console straight on Kamailio (no hop), as in a centre.
  const direct = await openLabConsole(browser, '1002');
  const restarts: number[] = [];
  for (let round = 0; round < RESTARTS; round += 1) {
    await lab.killKamailio();
    await direct.page.getByTestId('registration-state').filter({ hasNotText: '已注册' }).waitFor({ timeout: 2_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_000 + round * 500));
    await lab.startKamailio();
    const back = Date.now();
    await direct.page.getByTestId('registration-state').filter({ hasText: '已注册' }).waitFor({ timeout: 10_000 });
    restarts.push((Date.now() - back) / 1000);
  }
  await direct.close();
  report('sip.reregister_after_pbx_restart_s', percentile(restarts, 95), 's');
  report('sip.reregister_after_pbx_restart.p50_s', percentile(restarts, 50), 's');

  // A registrar in trouble at refresh time: 3-s bindings so a refresh comes every 2.4 s.
  const refreshTap = await startWsTap({ port: 8091, registerExpiresS: 3 });
  try {
    const refreshing = await openLabConsole(browser, '1003', { servers: [refreshTap.url] });
    const badge = refreshing.page.getByTestId('registration-state');
    const recoveries: number[] = [];
    for (let round = 0; round < RESTARTS; round += 1) {
      const refusal = { status: 503, reason: 'Service Unavailable' };
      refreshTap.refuseRegisters([refusal, refusal, refusal]);
      await badge.filter({ hasNotText: '已注册' }).waitFor({ timeout: 10_000 });
      // The third refusal is the registrar's last: from then on it accepts.
      while (refreshTap.pendingRefusals() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const back = refreshTap.lastRefusalAt()!;
      await badge.filter({ hasText: '已注册' }).waitFor({ timeout: 10_000 });
      recoveries.push((Date.now() - back) / 1000);
    }
    await refreshing.close();
    report('sip.reregister_after_refresh_failure_s', percentile(recoveries, 95), 's');
    report('sip.reregister_after_refresh_failure.p50_s', percentile(recoveries, 50), 's');
  } finally {
    await refreshTap.close();
  }
} finally {
  await browser.close();
  await tap.close();
  await lab.stop();
}
