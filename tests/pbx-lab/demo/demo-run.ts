/**
 * `npm run demo`: the lab PBX on 127.0.0.1, a console on a demo training profile that is already
 * configured (and registers by itself), and simulated citizens ringing it: the first within 30 s
 * of the console registering, then one a minute, or at once on Enter. `--check` does it headless,
 * once, and prints `DEMO ring_ms=<n> audio=<yes|no>`. Whatever it started, it stops.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { makeProfilePrivate } from '../../../main/profile/private-profile';
import { defaultProfileDir } from '../../../main/profile/profile-dir';
import type { Scenario } from '../../../main/training/domain/scenario';
import { bundledScenarios } from '../../../main/training/training-scenarios';
import { writeProfileSettings } from '../../harness/profile-settings';
import { startShellProcess } from '../../harness/shell-process';
import type { CitizenCall } from '../citizen/citizen-call';
import { callAsCitizen } from '../citizen/simulated-citizen';
import { LAB_WS_URL, labBindings, labUser, startLab } from '../lab';
import { runDemoCheck } from './demo-check';

const EXTENSION = '1001';
const RING_EVERY_MS = 60_000;
const check = process.argv.includes('--check');
const argument = (name: string): string | null =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
/** Given by scripts/demo.mjs when the Electron binary exists here. */
const electron = argument('electron');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const hasDisplay = () => process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/**
 * Once the console has registered (Kamailio's location table says so), a simulated citizen rings
 * within seconds, then one a minute after each call ends, or at once on Enter.
 */
const ringForever = async (scenarios: readonly Scenario[], interrupted: Promise<number>): Promise<void> => {
  const cleanups: (() => unknown)[] = [];
  try {
    console.log('等待坐席注册到演示话务平台…');
    while ((await labBindings(EXTENSION)) === 0)
      if ((await Promise.race([sleep(500).then(() => null), interrupted])) !== null) return;
    console.log('坐席已注册。模拟市民将在 5 秒后来电，此后每分钟一次；按回车键立即来电，Ctrl+C 结束演示。');

    let next = 0;
    let current: CitizenCall | null = null;
    let ringAt = Date.now() + 5_000;
    const input = createInterface({ input: process.stdin });
    input.on('line', () => (ringAt = Date.now()));
    cleanups.push(() => input.close());
    cleanups.push(() => current?.hangUp());
    for (;;) {
      const stop = await Promise.race([sleep(250).then(() => null), interrupted]);
      if (stop !== null) return;
      if (current || Date.now() < ringAt) continue;
      const scenario = scenarios[next++ % scenarios.length]!;
      console.log(`模拟来电：${scenario.title}（${scenario.businessType}）`);
      current = await callAsCitizen(scenario, { target: EXTENSION });
      void current.ended.then((end) => {
        console.log(
          `  通话结束（${end.by === 'agent' ? '学员挂断' : end.by === 'citizen' ? '市民挂断' : `未接通 ${end.status ?? ''}`}）`,
        );
        current = null;
        ringAt = Date.now() + RING_EVERY_MS;
      });
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  }
};

const main = async (): Promise<number> => {
  const scenarios = bundledScenarios();
  const cleanups: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  };
  const interrupted = new Promise<number>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(130));
  });
  try {
    const lab = await startLab({ hostLoopback: true });
    cleanups.push(() => lab.stop());
    const profileDir = check
      ? mkdtempSync(join(tmpdir(), 'minsheng-demo-'))
      : `${defaultProfileDir(process.env, process.platform, homedir())}-demo`;
    if (check) cleanups.push(() => rmSync(profileDir, { recursive: true, force: true }));
    makeProfilePrivate(profileDir);
    // A demo profile comes configured: the lab's extension, a trainee's name, a centre code for order numbers.
    writeProfileSettings(profileDir, {
      pbxServers: [LAB_WS_URL],
      sipExtension: EXTENSION,
      sipAuthUser: EXTENSION,
      displayName: '培训学员',
      agentId: 'TRAINEE-01',
      centreCode: '320505',
    });
    const consoleEnv = {
      MINSHENG_PROFILE: profileDir,
      MINSHENG_TRAINING: '1',
      MINSHENG_TRAINING_SIP_PASSWORD: labUser(EXTENSION).password,
    };
    if (electron) {
      const app = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, ...consoleEnv } });
      cleanups.push(() => void app.kill('SIGTERM'));
      console.log('\n培训演示已启动（Electron，培训模式：来电均为模拟市民，工单只用于评分）。');
      await ringForever(scenarios, interrupted);
      return 0;
    }
    const shell = await startShellProcess(profileDir, {
      ...consoleEnv,
      MINSHENG_PORT: check ? '0' : (process.env.MINSHENG_PORT ?? '5731'),
    });
    cleanups.push(() => shell.stop());

    if (check) {
      const result = await Promise.race([
        runDemoCheck(shell.url, scenarios[0]!, EXTENSION),
        interrupted.then(() => ({ ringMs: null, audio: false, detail: 'interrupted' })),
      ]);
      console.log(`DEMO ring_ms=${result.ringMs ?? 'none'} audio=${result.audio ? 'yes' : 'no'}`);
      if (!result.audio || result.ringMs === null) console.error(`demo check failed: ${result.detail}`);
      return result.ringMs !== null && result.audio ? 0 : 1;
    }

    console.log(`\n培训演示已启动（培训模式：来电均为模拟市民，工单只用于评分）。\n请在浏览器中打开：\n  ${shell.url}\n`);
    if (hasDisplay()) {
      const opener = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', shell.url]] : ['xdg-open', [shell.url]];
      spawn(opener[0] as string, opener[1] as string[], { stdio: 'ignore', detached: true })
        .on('error', () => undefined)
        .unref();
    }
    await ringForever(scenarios, interrupted);
    return 0;
  } catch (error) {
    console.error(`演示无法启动：${error instanceof Error ? error.message : String(error)}`);
    if (check) console.log('DEMO ring_ms=none audio=no');
    return 1;
  } finally {
    await stopAll();
  }
};

process.exitCode = await main();
process.exit();
