#!/usr/bin/env node
// `npm run demo [-- --check]`: a training console ringing with simulated citizens, on one fresh
// machine. Installs what it needs (npm packages; as root the lab's Debian packages, otherwise it
// says which to install), builds, then runs the lab's demo (tests/pbx-lab/demo/demo-run.ts).
// `--check` runs headless in Debian's Chromium and, as root, inside the tests' private network
// namespace, so it never meets another SIP server on this machine.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { ensureChromium, ensureNodeModules, ensurePbxLab, ensureSqliteBinding } from './lib/ensure-deps.mjs';
import { downloadElectron, electronBinary } from './lib/electron.mjs';
import { canIsolateLab, inLabNamespace } from './lib/lab-namespace.mjs';
import { run, runOrExit } from './lib/run.mjs';

await ensureSupportedNode();

const check = process.argv.includes('--check');
await ensureNodeModules();
await ensureSqliteBinding();
await ensurePbxLab();
if (check) await ensureChromium();
await runOrExit(process.execPath, ['scripts/build.mjs']);

/** Electron where it exists (as `npm start` finds it); otherwise the demo opens the browser shell. */
const electronArgs = async () => {
  if (check || process.env.MINSHENG_NO_ELECTRON === '1') return [];
  const binary = electronBinary() ?? ((await downloadElectron()) ? electronBinary() : null);
  if (binary) return [`--electron=${binary}`];
  console.log('未找到可用的 Electron（离线或无镜像），演示使用浏览器模式。');
  return [];
};

const demo = [
  process.execPath,
  '--import',
  'tsx',
  'tests/pbx-lab/demo/demo-run.ts',
  ...(check ? ['--check'] : await electronArgs()),
];
const [command, args] = check && canIsolateLab() ? inLabNamespace(demo) : [demo[0], demo.slice(1)];
process.exit(await run(command, args, { stdio: 'inherit' }));
