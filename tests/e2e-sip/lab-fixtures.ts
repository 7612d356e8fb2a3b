import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, test as base, expect } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { databaseFile } from '../../main/profile/database-file';
import { type Baresip, startBaresip } from '../pbx-lab/baresip';
import { type Lab, LAB_WS_URL, labUnavailableReason, labUser, startLab } from '../pbx-lab/lab';
import { writeProfileSettings } from '../harness/profile-settings';
import { type ShellProcess, startShellProcess } from '../harness/shell-process';

export interface Console {
  readonly page: Page;
  readonly shell: ShellProcess;
  readonly profileDir: string;
  readonly extension: string;
  calls(): CallRow[];
}

export interface CallRow {
  direction: string;
  remote_number: string | null;
  ring_at: string;
  answer_at: string | null;
  end_at: string | null;
  end_cause: string | null;
  transfer_target: string | null;
}

interface LabFixtures {
  openConsole(
    extension: string,
    options?: { servers?: string[]; ready?: boolean; preferences?: Record<string, unknown> },
  ): Promise<Console>;
  baresip(extension: string, options?: { autoAnswer?: boolean }): Promise<Baresip>;
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
    void lab;
    const opened: { shell: ShellProcess; profileDir: string; page: Page }[] = [];
    await use(async (extension, options = {}) => {
      const profileDir = mkdtempSync(join(tmpdir(), `minsheng-sip-${extension}-`));
      writeProfileSettings(profileDir, {
        pbxServers: options.servers ?? [LAB_WS_URL],
        sipExtension: extension,
        sipAuthUser: extension,
        displayName: `坐席${extension}`,
        agentId: `A${extension}`,
        ...(options.preferences ? { phonePreferences: options.preferences } : {}),
      });
      const shell = await startShellProcess(profileDir);
      const page = await newPage(browser);
      opened.push({ shell, profileDir, page });
      await page.goto(shell.url);
      await savePassword(page, labUser(extension).password);
      await expect(page.getByTestId('registration-state')).toHaveText('已注册', { timeout: 10_000 });
      if (options.ready !== false) {
        await page.getByRole('button', { name: '签入' }).click();
        await page.getByRole('button', { name: '示闲' }).click();
        await expect(page.getByTestId('agent-state')).toHaveText('空闲');
      }
      return { page, shell, profileDir, extension, calls: () => readCalls(profileDir) };
    });
    for (const console of opened) {
      await console.page.context().close();
      await console.shell.stop();
      rmSync(console.profileDir, { recursive: true, force: true });
    }
  },

  baresip: async ({ lab }, use) => {
    const phones: Baresip[] = [];
    await use(async (extension, options = {}) => {
      const phone = await startBaresip({ extension, runDir: lab.runDir, autoAnswer: options.autoAnswer ?? false });
      phones.push(phone);
      return phone;
    });
    for (const phone of phones) await phone.stop();
  },
});

// Page scripts as text: they run in Chromium, and this file is typechecked without DOM types.
const COLLECT_PEERS = `(() => {
  window.__sipDebug = ${process.env.SIP_DEBUG ? 'true' : 'false'};
  const Original = window.RTCPeerConnection;
  const peers = (window.__minshengPeers = []);
  window.RTCPeerConnection = class extends Original {
    constructor(...args) { super(...args); peers.push(this); }
  };
})();`;

const READ_RTP_BYTES = `(async () => {
  let received = 0;
  let sent = 0;
  for (const peer of (window.__minshengPeers || []).filter((p) => p.connectionState !== 'closed')) {
    (await peer.getStats()).forEach((stat) => {
      if (stat.type === 'inbound-rtp' && stat.kind === 'audio') received += Number(stat.bytesReceived || 0);
      if (stat.type === 'outbound-rtp' && stat.kind === 'audio') sent += Number(stat.bytesSent || 0);
    });
  }
  return { received, sent };
})()`;

const newPage = async (browser: Browser): Promise<Page> => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  // Test-side instrumentation only: lets the test read getStats of whatever peer connections the page makes.
  await context.addInitScript({ content: COLLECT_PEERS });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  if (process.env.SIP_DEBUG)
    page.on('console', (message) =>
      appendFileSync('/tmp/sip-debug.log', `[${page.url().slice(17, 22)}] ${message.text().slice(0, 400)}\n`),
    );
  return page;
};

/** The browser shell keeps secrets in memory only, so the password is typed like an agent would. */
export const savePassword = async (page: Page, password: string): Promise<void> => {
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  await dialog.getByLabel('分机密码').fill(password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
};

const readCalls = (profileDir: string): CallRow[] => {
  const db = new BetterSqlite3(databaseFile(profileDir), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT direction, remote_number, ring_at, answer_at, end_at, end_cause, transfer_target FROM calls ORDER BY ring_at',
      )
      .all() as CallRow[];
  } finally {
    db.close();
  }
};

/** inbound-rtp / outbound-rtp byte counters of the page's peer connection, as getStats reports them. */
export const rtpBytes = (page: Page): Promise<{ received: number; sent: number }> => page.evaluate(READ_RTP_BYTES);

export { expect };
