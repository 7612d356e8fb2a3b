/**
 * `npm run demo -- --check`: the demo, headless. Debian's Chromium opens the demo console, the
 * trainee answers a simulated citizen, and the figures say whether it rang and spoke.
 */
import { chromium } from '@playwright/test';
import type { Scenario } from '../../../main/training/domain/scenario';
import { chromiumArgs, chromiumPath } from '../../harness/chromium';
import { callAsCitizen } from '../citizen/simulated-citizen';
import { instrumentPeers, receivedAudio } from '../lab-console';

export interface DemoCheck {
  readonly ringMs: number | null;
  readonly audio: boolean;
  readonly detail: string;
}

// The time the ring first shows, on the page's clock (the same machine's wall clock as ours).
const WATCH_RING = `(() => {
  window.__ringPaintedAt = null;
  const seen = () => [...document.querySelectorAll('[role="status"]')].some((el) => el.textContent.includes('来电振铃'));
  new MutationObserver(() => {
    if (window.__ringPaintedAt === null && seen()) requestAnimationFrame(() => (window.__ringPaintedAt ??= Date.now()));
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

export const runDemoCheck = async (consoleUrl: string, scenario: Scenario, extension: string): Promise<DemoCheck> => {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ webrtc: true }) });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
    await instrumentPeers(context);
    const page = await context.newPage();
    await page.goto(consoleUrl);
    await page.getByTestId('registration-state').filter({ hasText: '已注册' }).waitFor({ timeout: 20_000 });
    await page.evaluate(WATCH_RING);
    const citizen = await callAsCitizen(scenario, { target: extension, ringTimeoutMs: 20_000 });
    const rang = await page
      .waitForFunction('window.__ringPaintedAt !== null', undefined, { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (!rang) {
      await citizen.hangUp();
      return { ringMs: null, audio: false, detail: `未振铃：${citizen.events.map((event) => event.type).join(', ')}` };
    }
    const ringMs = Number(await page.evaluate('window.__ringPaintedAt')) - citizen.invitedAtEpochMs;
    await page.getByRole('button', { name: '接听', exact: true }).click();
    await citizen.waitFor('turnStarted', 10_000);
    const heard = await receivedAudio(page, 2);
    await citizen.hangUp();
    const audio = heard.peakDbfs > -40 && heard.voiceBandShare > 0.5 && heard.peakShare < 0.8;
    return { ringMs, audio, detail: `peak ${heard.peakDbfs.toFixed(1)} dBFS, voice band ${heard.voiceBandShare.toFixed(2)}` };
  } finally {
    await browser.close();
  }
};
