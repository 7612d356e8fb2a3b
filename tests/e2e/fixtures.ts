import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { type ShellProcess, startShellProcess } from '../harness/shell-process';

export interface ShellFixture {
  readonly profileDir: string;
  current(): ShellProcess;
  /** Stops the shell and starts it again on the same profile, as after closing and reopening the console. */
  restart(): Promise<ShellProcess>;
  /** Kills the shell with SIGKILL and starts it again on the same profile. */
  crashAndRestart(): Promise<ShellProcess>;
}

/** Every test gets a fresh temporary profile and its own shell process. */
export const test = base.extend<{ shell: ShellFixture }>({
  // Playwright reads fixture dependencies from the destructuring pattern, so an empty one is required.
  // eslint-disable-next-line no-empty-pattern
  shell: async ({}, use) => {
    const profileDir = mkdtempSync(join(tmpdir(), 'minsheng-e2e-'));
    let process = await startShellProcess(profileDir);
    await use({
      profileDir,
      current: () => process,
      restart: async () => {
        await process.stop();
        process = await startShellProcess(profileDir);
        return process;
      },
      crashAndRestart: async () => {
        await process.kill();
        process = await startShellProcess(profileDir);
        return process;
      },
    });
    await process.stop();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(`${profileDir}.db-key`, { force: true });
  },
});

export { expect } from '@playwright/test';
