#!/usr/bin/env node
// `npm run dist`: installers through electron-builder. It downloads Electron and the native
// rebuild headers, so it needs a machine with internet (or mirrors); on a closed network it stops
// with that message instead of a stack trace. Extra arguments go to electron-builder (e.g. --linux deb).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { ensureNodeModules, ensureSqliteBinding } from './lib/ensure-deps.mjs';
import { run, runOrExit } from './lib/run.mjs';

const NODE_BINDING = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';
const BACKUP = '.cache/node-binding/better_sqlite3.node';

await ensureNodeModules();
await ensureSqliteBinding();
await runOrExit(process.execPath, ['scripts/build.mjs']);

// electron-builder rebuilds the SQLite binding for Electron in place; the Node build the tests and the
// browser shell use is put back afterwards, whether packaging worked or not.
mkdirSync('.cache/node-binding', { recursive: true });
copyFileSync(NODE_BINDING, BACKUP);
const code = await run('node_modules/.bin/electron-builder', [
  '--config',
  'electron-builder.yml',
  '--publish',
  'never',
  ...process.argv.slice(2),
]);
mkdirSync('node_modules/better-sqlite3-multiple-ciphers/build/Release', { recursive: true });
if (existsSync(BACKUP)) copyFileSync(BACKUP, NODE_BINDING);
if (code !== 0) {
  console.error(
    '打包失败：electron-builder 需要联网（或 ELECTRON_MIRROR 镜像）下载 Electron 与原生模块头文件，且建议使用 Node 22。',
  );
  process.exit(code);
}
