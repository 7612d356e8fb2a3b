#!/usr/bin/env node
// `npm start`: installs and builds what is needed, then opens the console in Electron. Without the
// Electron binary (a closed network, as on the build machines) it says so in one line and starts the
// browser shell instead, printing the URL to open.
import { spawn } from 'node:child_process';
import { ensureNodeModules, ensureSqliteBinding } from './lib/ensure-deps.mjs';
import { downloadElectron, electronBinary, electronSqliteBinding, electronVersion } from './lib/electron.mjs';
import { runOrExit } from './lib/run.mjs';

const wantsShell = process.argv.includes('--shell') || process.env.MINSHENG_NO_ELECTRON === '1';

await ensureNodeModules();
await ensureSqliteBinding();
await runOrExit(process.execPath, ['scripts/build.mjs']);
// A newcomer's first start shows a living console: the county-scale demo history goes into the
// default profile when (and only when) that profile has no history yet. MINSHENG_NO_DEMO=1 skips it.
if (process.env.MINSHENG_NO_DEMO !== '1')
  await runOrExit(process.execPath, ['dist/tools/seed.cjs', '--scale', 'county', '--if-empty']);

const startShell = () => {
  const child = spawn(process.execPath, ['dist/shell/shell.cjs'], {
    stdio: 'inherit',
    env: { ...process.env, MINSHENG_PORT: process.env.MINSHENG_PORT ?? '5731' },
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
  const binding = await electronSqliteBinding(electronVersion());
  if (!binding) {
    console.log('无法为 Electron 编译 better-sqlite3（需要联网获取 Electron 头文件），改用浏览器模式启动：');
    return startShell();
  }
  const child = spawn(binary, ['.'], { stdio: 'inherit', env: { ...process.env, MINSHENG_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (wantsShell) startShell();
else await startElectron();
