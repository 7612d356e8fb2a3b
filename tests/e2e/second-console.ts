import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { type PlatformProcess, startPlatformProcess } from '../harness/platform-process';
import { type ShellProcess, startShellProcess } from '../harness/shell-process';

/**
 * What a two-person e2e needs besides the test's own console: the reference platform as a process
 * (so it can be killed and started again on the same file and port) and a second console of its
 * own — a fresh profile, shell and browser context — for the colleague or the team lead.
 */
export const platformWithSecondConsole = async (browser: Browser, dir: string) => {
  const port = 21_000 + Math.floor(Math.random() * 10_000);
  const file = join(dir, 'platform.sqlite');
  let platform: PlatformProcess = await startPlatformProcess(file, port);
  const profile = mkdtempSync(join(tmpdir(), 'minsheng-e2e-second-'));
  const shell: ShellProcess = await startShellProcess(profile);
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  return {
    platformUrl: platform.url,
    page,
    shellUrl: shell.url,
    killPlatform: () => platform.kill(),
    restartPlatform: async () => {
      platform = await startPlatformProcess(file, port);
    },
    close: async () => {
      await context.close();
      await shell.stop();
      await platform.kill();
      rmSync(profile, { recursive: true, force: true });
      rmSync(`${profile}.db-key`, { force: true });
    },
  };
};
