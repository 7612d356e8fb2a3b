import { test as base, expect } from '@playwright/test';
import { type Baresip, startBaresip } from '../pbx-lab/baresip';
import { type Lab, labUnavailableReason, startLab } from '../pbx-lab/lab';
import { type LabConsole, type LabConsoleOptions, openLabConsole, rtpBytes } from '../pbx-lab/lab-console';

export interface LabFixtures {
  openConsole(extension: string, options?: LabConsoleOptions): Promise<LabConsole>;
  baresip(extension: string, options?: { autoAnswer?: boolean; toneHz?: number; record?: boolean }): Promise<Baresip>;
}

/** One lab for the whole run (started in ~0.2 s); each test gets its own consoles and phones. */
export const test = base.extend<LabFixtures, { lab: Lab }>({
  lab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const reason = labUnavailableReason();
      if (reason) throw new Error(reason);
      const lab = await startLab();
      console.log(`PBX lab up in ${lab.startupMs} ms (${lab.runDir})`);
      await use(lab);
      await lab.stop();
    },
    { scope: 'worker' },
  ],

  openConsole: async ({ browser, lab }, use) => {
    void lab; // the lab must be up before any console registers
    const opened: LabConsole[] = [];
    await use(async (extension, options = {}) => {
      const console = await openLabConsole(browser, extension, options);
      opened.push(console);
      return console;
    });
    for (const console of opened) await console.close();
  },

  baresip: async ({ lab }, use) => {
    const phones: Baresip[] = [];
    await use(async (extension, options = {}) => {
      const phone = await startBaresip({ extension, runDir: lab.runDir, ...options });
      phones.push(phone);
      return phone;
    });
    for (const phone of phones) await phone.stop();
  },
});

export { expect, rtpBytes };
