#!/usr/bin/env node
// `npm run dist [-- <electron-builder arguments>]`: installers through electron-builder (e.g.
// `-- --linux deb AppImage --arm64`, `-- --win nsis --x64`). It downloads Electron (or takes it from a
// pre-seeded cache or ELECTRON_MIRROR), so it needs a machine with internet or a mirror; on a closed
// network it stops with that message instead of a stack trace. Every unpacked output it produced is
// then put through the package check (asar contents, native modules' CPU, fuse wire), and every deb
// is repacked for the UOS app store (scripts/uos/) and checked.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNodeModules } from './lib/ensure-deps.mjs';
import { run, runOrExit } from './lib/run.mjs';

await ensureSupportedNode();

await ensureNodeModules();
await runOrExit(process.execPath, ['scripts/build.mjs']);

const code = await run(process.execPath, [
  'node_modules/electron-builder/cli.js',
  '--config',
  'electron-builder.yml',
  '--publish',
  'never',
  ...process.argv.slice(2),
]);
if (code !== 0) {
  console.error('打包失败：electron-builder 需要联网、ELECTRON_MIRROR 镜像或预置的 Electron 缓存（见 README“构建安装包”）。');
  process.exit(code);
}

// electron-builder names its unpacked folders linux-unpacked, linux-arm64-unpacked, win-unpacked, win-arm64-unpacked.
const unpacked = existsSync('release') ? readdirSync('release').filter((name) => /^(linux|win)(-\w+)?-unpacked$/.test(name)) : [];
let failed = 0;
for (const name of unpacked) {
  const [, os, arch = 'x64'] = /^(linux|win)(?:-(\w+))?-unpacked$/.exec(name) ?? [];
  const platform = os === 'win' ? 'win32' : 'linux';
  const args = [
    '--import',
    'tsx',
    'scripts/package-check/package-check-cli.ts',
    '--app-dir',
    join('release', name),
    '--platform',
    platform,
    '--arch',
    arch,
  ];
  if ((await run(process.execPath, args)) !== 0) failed += 1;
}
// The UOS app store takes its own layout (/opt/apps/<appid>/…, no maintainer scripts): each deb is repacked into release/uos/.
const debs = existsSync('release') ? readdirSync('release').filter((name) => name.endsWith('.deb')) : [];
for (const deb of debs) {
  const args = ['--import', 'tsx', 'scripts/uos/uos-cli.ts', 'repack', join('release', deb), '--out', join('release', 'uos')];
  if ((await run(process.execPath, args)) !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
