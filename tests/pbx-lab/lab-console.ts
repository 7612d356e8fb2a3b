/**
 * A console registered on the lab: its own profile, its own browser shell, a Chromium page, the
 * SIP password typed in the settings dialog (the shell keeps secrets in memory only). Used by the
 * softphone e2e tests and the sip benchmark.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { writeProfileSettings } from '../harness/profile-settings';
import { type ShellProcess, startShellProcess } from '../harness/shell-process';
import { LAB_WS_URL, labUser } from './lab';
import { openProfileDb } from '../harness/profile-database';
import { signInToPlatform } from '../harness/console-settings';

export interface LabConsoleOptions {
  readonly servers?: readonly string[];
  /** Sign in and 示闲 after registering (default). */
  readonly ready?: boolean;
  readonly preferences?: Record<string, unknown>;
  /**
   * Start from an empty profile and type every setting in 设置, as a new agent does (nothing is
   * written by the test). Otherwise the account is pre-written and only the password is typed.
   */
  readonly setupThroughUi?: boolean;
  /** The screen the console runs on; county PCs have 1366×768 and 1920×1080. */
  readonly viewport?: { width: number; height: number };
  /** A training profile (培训模式): the shell started as `--training` would start it. */
  readonly training?: boolean;
  /** Typed in 设置 with the rest when setting up through the UI (a trainee's orders need it). */
  readonly centreCode?: string;
  /** The agent's 工号 (default A<extension>), as the platform knows it. */
  readonly agentId?: string;
  /** Typed in 设置, then signed in to from the status bar before 签入 (the queue learns who is ready from it). */
  readonly platform?: { url: string; password: string };
  /** A browser of the test's own (one whose fake microphone speaks a given tone); default the shared one. */
  readonly browser?: Browser;
}

export interface CallRow {
  sip_call_id: string | null;
  direction: string;
  remote_number: string | null;
  ring_at: string;
  answer_at: string | null;
  end_at: string | null;
  end_cause: string | null;
  transfer_target: string | null;
  privacy_requested: number;
}

export interface LabConsole {
  readonly page: Page;
  readonly shell: ShellProcess;
  readonly profileDir: string;
  readonly extension: string;
  calls(): CallRow[];
  close(): Promise<void>;
}

// Page scripts as text: they run in Chromium, and this file is typechecked without DOM types.
// Test-side instrumentation only: lets a test read getStats of whatever peer connections the page makes.
const COLLECT_PEERS = `(() => {
  window.__sipDebug = ${process.env.SIP_DEBUG ? 'true' : 'false'};
  const Original = window.RTCPeerConnection;
  const peers = (window.__minshengPeers = []);
  window.RTCPeerConnection = class extends Original {
    constructor(...args) { super(...args); peers.push(this); }
  };
  // Every media element the console plays a stream through: what reaches the headset.
  const players = (window.__minshengPlayers = new Set());
  const source = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    configurable: true,
    get() { return source.get.call(this); },
    set(value) { players.add(this); source.set.call(this, value); },
  });
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

/** Lets receivedAudio, sentToneShare and rtpBytes see the peer connections the context's pages make. */
export const instrumentPeers = async (context: BrowserContext): Promise<void> => {
  await context.addInitScript({ content: COLLECT_PEERS });
};

/**
 * Share (0..1) of the audio a page sends on its `index`-th open peer connection that lies at `hz`,
 * from an FFT over about a second: what the console puts on the wire to that party.
 */
export const sentToneShare = (page: Page, index: number, hz: number): Promise<number> =>
  page.evaluate(`(async () => {
    const peer = (window.__minshengPeers || []).filter((p) => p.connectionState !== 'closed')[${index}];
    const track = peer && peer.getSenders().map((s) => s.track).find((t) => t && t.kind === 'audio');
    if (!track) return -1;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 8192;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const bins = new Float32Array(analyser.frequencyBinCount);
    let best = 0;
    for (let round = 0; round < 8; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      analyser.getFloatFrequencyData(bins);
      const power = Array.from(bins, (db) => Math.pow(10, db / 10));
      const total = power.reduce((sum, p) => sum + p, 0);
      const centre = Math.round(${hz} / (context.sampleRate / analyser.fftSize));
      let near = 0;
      for (let bin = centre - 3; bin <= centre + 3; bin += 1) near += power[bin] || 0;
      if (total > 0) best = Math.max(best, near / total);
    }
    await context.close();
    return best;
  })()`);

/**
 * What the console hears from the far end over `seconds`: the loudest 100 ms (dBFS), and of that
 * moment the share of energy within ±40 Hz of the strongest frequency (a tone is ~1, speech is
 * spread over many) and the share inside the voice band (300–3400 Hz). Read from the receiver's
 * track, i.e. what reaches the agent's headset.
 */
export const receivedAudio = (
  page: Page,
  seconds = 1.5,
): Promise<{ peakDbfs: number; peakShare: number; voiceBandShare: number }> =>
  page.evaluate(`(async () => {
    const peer = (window.__minshengPeers || []).filter((p) => p.connectionState !== 'closed')[0];
    const track = peer && peer.getReceivers().map((r) => r.track).find((t) => t && t.kind === 'audio');
    if (!track) return { peakDbfs: -Infinity, peakShare: 0, voiceBandShare: 0 };
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 4096;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const bins = new Float32Array(analyser.frequencyBinCount);
    const wave = new Float32Array(analyser.fftSize);
    const hzPerBin = context.sampleRate / analyser.fftSize;
    let best = { peakDbfs: -Infinity, peakShare: 0, voiceBandShare: 0 };
    for (let round = 0; round < ${Math.round(seconds * 10)}; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      analyser.getFloatTimeDomainData(wave);
      const rms = Math.sqrt(wave.reduce((sum, v) => sum + v * v, 0) / wave.length);
      const level = 20 * Math.log10(rms || 1e-12);
      if (level <= best.peakDbfs) continue;
      analyser.getFloatFrequencyData(bins);
      const power = Array.from(bins, (db) => Math.pow(10, db / 10));
      const total = power.reduce((sum, p) => sum + p, 0) || 1;
      const strongest = power.indexOf(Math.max(...power));
      const span = Math.ceil(40 / hzPerBin);
      let near = 0;
      for (let bin = strongest - span; bin <= strongest + span; bin += 1) near += power[bin] || 0;
      let band = 0;
      power.forEach((p, bin) => { if (bin * hzPerBin >= 300 && bin * hzPerBin <= 3400) band += p; });
      best = { peakDbfs: level, peakShare: near / total, voiceBandShare: band / total };
    }
    await context.close();
    return best;
  })()`);

/**
 * Share (0..1) of the sound at each of `hzs`, at its loudest over about a second, in what the page
 * plays to the headset (every media element playing a live stream, unmuted) or, with `peer`, in
 * what that peer connection receives before anything is played. An FFT of the real audio: which
 * party's tone reached whom, not what the call state says.
 */
export const toneShares = (page: Page, hzs: readonly number[], from: { peer?: number } = {}): Promise<Record<number, number>> =>
  page.evaluate(`(async () => {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 8192;
    const streams = [];
    if (${from.peer === undefined ? 'true' : 'false'}) {
      for (const player of window.__minshengPlayers || [])
        if (!player.paused && !player.muted && player.srcObject && player.srcObject.getAudioTracks().some((t) => t.readyState === 'live'))
          streams.push(player.srcObject);
    } else {
      const peer = (window.__minshengPeers || []).filter((p) => p.connectionState !== 'closed')[${from.peer ?? 0}];
      const track = peer && peer.getReceivers().map((r) => r.track).find((t) => t && t.kind === 'audio');
      if (track) streams.push(new MediaStream([track]));
    }
    for (const stream of streams) context.createMediaStreamSource(stream).connect(analyser);
    const hzs = ${JSON.stringify(hzs)};
    const best = Object.fromEntries(hzs.map((hz) => [hz, 0]));
    const bins = new Float32Array(analyser.frequencyBinCount);
    for (let round = 0; round < 8; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      analyser.getFloatFrequencyData(bins);
      const power = Array.from(bins, (db) => Math.pow(10, db / 10));
      const total = power.reduce((sum, p) => sum + p, 0);
      if (!(total > 1e-9)) continue;
      for (const hz of hzs) {
        const centre = Math.round(hz / (context.sampleRate / analyser.fftSize));
        let near = 0;
        for (let bin = centre - 3; bin <= centre + 3; bin += 1) near += power[bin] || 0;
        best[hz] = Math.max(best[hz], near / total);
      }
    }
    await context.close();
    return best;
  })()`);

/** inbound-rtp / outbound-rtp audio bytes of the page's open peer connections, as getStats reports them. */
export const rtpBytes = (page: Page): Promise<{ received: number; sent: number }> => page.evaluate(READ_RTP_BYTES);

const newPage = async (browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Page> => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'zh-CN', viewport });
  await instrumentPeers(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  // SIP_DEBUG=1: sip.js's full trace of every page, for diagnosing a failing lab test.
  if (process.env.SIP_DEBUG)
    page.on('console', (message) => appendFileSync('/tmp/sip-debug.log', `[${page.url().slice(17, 22)}] ${message.text()}\n`));
  return page;
};

const readCalls = (profileDir: string): CallRow[] => {
  const db = openProfileDb(profileDir, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT sip_call_id, direction, remote_number, ring_at, answer_at, end_at, end_cause, transfer_target, privacy_requested FROM calls ORDER BY ring_at',
      )
      .all() as CallRow[];
  } finally {
    db.close();
  }
};

export const openLabConsole = async (
  browser: Browser,
  extension: string,
  options: LabConsoleOptions = {},
): Promise<LabConsole> => {
  const profileDir = mkdtempSync(join(tmpdir(), `minsheng-sip-${extension}-`));
  if (!options.setupThroughUi)
    writeProfileSettings(profileDir, {
      pbxServers: options.servers ?? [LAB_WS_URL],
      sipExtension: extension,
      sipAuthUser: extension,
      displayName: `坐席${extension}`,
      agentId: `A${extension}`,
      ...(options.preferences ? { phonePreferences: options.preferences } : {}),
    });
  const shell = await startShellProcess(profileDir, options.training ? { MINSHENG_TRAINING: '1' } : {});
  const page = await newPage(options.browser ?? browser, options.viewport);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // Leaving the page unregisters, as closing the console does: the next test's console for the
    // same extension must not share the PBX's fork limit with bindings of consoles long gone.
    await page.goto('about:blank').catch(() => undefined);
    await page.waitForTimeout(100);
    await page.context().close();
    await shell.stop();
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    await page.goto(shell.url);
    await page.getByRole('button', { name: '设置', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '设置' });
    if (options.setupThroughUi) {
      // At a person's pace: one key at a time.
      const type = (label: string, text: string, exact = true) =>
        dialog.getByLabel(label, { exact }).pressSequentially(text, { delay: 20 });
      await type('话务服务器地址', (options.servers ?? [LAB_WS_URL]).join('\n'), false);
      await type('分机号', extension);
      await type('显示名称', `坐席${extension}`);
      await type('坐席工号', options.agentId ?? `A${extension}`);
      if (options.centreCode) await type('中心代码（行政区划代码）', options.centreCode);
      if (options.platform) await type('平台地址', options.platform.url, false);
    }
    await dialog.getByLabel('分机密码').fill(labUser(extension).password);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('registration-state').filter({ hasText: '已注册' }).waitFor({ timeout: 10_000 });
    if (options.platform) await signInToPlatform(page, options.platform.password);
    if (options.ready !== false) {
      await page.getByRole('button', { name: '签入' }).click();
      await page.getByRole('button', { name: '示闲' }).click();
      await page.getByTestId('agent-state').filter({ hasText: '空闲' }).waitFor();
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { page, shell, profileDir, extension, calls: () => readCalls(profileDir), close };
};

/**
 * Records every text the registration badge shows with the wall-clock time it appeared: a lost
 * registration may last only milliseconds, too short for a polling assertion to see.
 */
export const watchRegistrationBadge = async (page: Page): Promise<() => Promise<[number, string][]>> => {
  await page.evaluate(`(() => {
    const badge = document.querySelector('[data-testid="registration-state"]');
    const seen = (window.__badgeSeen = []);
    new MutationObserver(() => seen.push([Date.now(), badge.textContent])).observe(badge, { childList: true, characterData: true, subtree: true });
  })()`);
  return () => page.evaluate('window.__badgeSeen') as Promise<[number, string][]>;
};
