/**
 * lead.monitor_setup: 监听 clicked in the lead's hall → the first audio packet from the agent's
 * console at the lead, on the PBX lab: the platform's permission, the INVITE through Kamailio, the
 * agent's console checking it in main and answering with its mix, ICE and DTLS through rtpengine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../harness/chromium';
import { startPlatformProcess } from '../harness/platform-process';
import { startLab } from '../pbx-lab/lab';
import { type LabConsole, openLabConsole } from '../pbx-lab/lab-console';
import { monitorScene } from '../pbx-lab/monitor-scene';

export const measureMonitorSetup = async (sessions: number): Promise<number[]> => {
  const lab = await startLab();
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-bench-monitor-'));
  const platform = await startPlatformProcess(join(dir, 'platform.sqlite'), 5745);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ webrtc: true }) });
  const opened: LabConsole[] = [];
  try {
    const scene = await monitorScene(
      async (extension, options) => {
        const console = await openLabConsole(browser, extension, options);
        opened.push(console);
        return console;
      },
      { url: platform.url, password: 'demo1234' },
    );
    const samples: number[] = [];
    for (let session = 0; session < sessions; session += 1) {
      await scene.lead.page.evaluate(() => performance.clearMeasures('minsheng:monitor-first-audio'));
      await scene.row.getByRole('button', { name: '监听' }).click();
      const handle = await scene.lead.page.waitForFunction(
        () => performance.getEntriesByName('minsheng:monitor-first-audio')[0]?.duration,
        undefined,
        { timeout: 10_000, polling: 5 },
      );
      samples.push(Number(await handle.jsonValue()));
      await scene.bar.getByRole('button', { name: '结束' }).click();
      await scene.bar.waitFor({ state: 'hidden' });
      await scene.agent.page.getByTestId('monitor-indicator').waitFor({ state: 'hidden' });
    }
    return samples;
  } finally {
    for (const console of opened) await console.close().catch(() => undefined);
    await browser.close();
    await platform.kill();
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
