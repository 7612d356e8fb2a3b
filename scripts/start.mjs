#!/usr/bin/env node
// `npm start`: installs and builds what is needed, then opens the console in Electron. Without the
// Electron binary (a closed network, as on the build machines) it says so in one line and starts the
// browser shell instead, printing the URL to open.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { spawn } from 'node:child_process';
import { ensureNodeModules, ensureSqliteBinding } from './lib/ensure-deps.mjs';
import { downloadElectron, electronBinary } from './lib/electron.mjs';
import { runOrExit } from './lib/run.mjs';

await ensureSupportedNode();

const wantsShell = process.argv.includes('--shell') || process.env.MINSHENG_NO_ELECTRON === '1';
// 培训模式: the console opens on its training profile (main/profile/profile-kind.ts); the environment
// carries the choice to Electron or the shell alike.
const training = process.argv.includes('--training') || process.env.MINSHENG_TRAINING === '1';
if (training) process.env.MINSHENG_TRAINING = '1';

/**
 * Each step says what it does, and a long one (a first install: minutes) says every 15 s that it is
 * still working: a cold start used to be silent for 6 minutes.
 */
const step = async (index, label, work) => {
  const started = Date.now();
  console.log(`[${index}/4] ${label}`);
  const heartbeat = setInterval(
    () => console.log(`      … ${label.replace(/（.*$/, '')}仍在进行（已 ${Math.round((Date.now() - started) / 1000)} 秒）`),
    15_000,
  );
  try {
    await work();
  } finally {
    clearInterval(heartbeat);
  }
  console.log(`      完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
};

await step(1, '检查并安装依赖（首次安装需下载 npm 包，约 1–3 分钟）', async () => {
  await ensureNodeModules();
  await ensureSqliteBinding();
});
await step(2, '构建坐席界面与服务', () => runOrExit(process.execPath, ['scripts/build.mjs']));
// A newcomer's first start shows a living console: the county-scale demo history goes into the
// default profile when (and only when) that profile has no history yet. MINSHENG_NO_DEMO=1 skips it.
await step(3, '准备演示数据（仅空白配置时写入）', async () => {
  // A training profile takes no demo history: a profile holding calls or orders is a production one.
  if (process.env.MINSHENG_NO_DEMO !== '1' && !training)
    await runOrExit(process.execPath, ['dist/tools/seed.cjs', '--scale', 'county', '--if-empty']);
});
console.log('[4/4] 启动坐席');

const URL_MARKER = 'MINSHENG_SHELL_URL ';
const hasDisplay = () =>
  process.platform === 'win32' || process.platform === 'darwin' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** The desktop's own browser opens the console; without a desktop (SSH, CI) the printed URL is the way in. */
const openInBrowser = (url) => {
  if (process.env.MINSHENG_NO_BROWSER === '1' || !hasDisplay()) return;
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const opener = spawn(command, args, { stdio: 'ignore', detached: true });
  opener.on('error', () => console.log('未能自动打开浏览器，请手动打开上面的地址。'));
  opener.unref();
};

const startShell = () => {
  const child = spawn(process.execPath, ['dist/shell/shell.cjs'], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, MINSHENG_PORT: process.env.MINSHENG_PORT ?? '5731' },
  });
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const line = String(chunk)
      .split('\n')
      .find((text) => text.startsWith(URL_MARKER));
    if (line && !opened) {
      opened = true;
      openInBrowser(line.slice(URL_MARKER.length).trim());
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
};

const startElectron = async () => {
  let binary = electronBinary();
  if (!binary && (await downloadElectron())) binary = electronBinary();
  if (!binary) {
    console.log('未找到 Electron 可执行文件且无法下载（离线或无镜像），改用浏览器模式启动：');
    return startShell();
  }
  // better-sqlite3-multiple-ciphers 13 is N-API: the binding the tests use loads in Electron as it is.
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (wantsShell) startShell();
else await startElectron();
