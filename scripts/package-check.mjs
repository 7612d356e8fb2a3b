#!/usr/bin/env node
// `npm run package:check [-- --arch x64]`: installs and builds, then packages the console into a
// stand-in Electron and checks the package (scripts/package-check/package-check-cli.ts). No download.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { ensureNodeModules } from './lib/ensure-deps.mjs';
import { run, runOrExit } from './lib/run.mjs';

await ensureSupportedNode();

await ensureNodeModules();
await runOrExit(process.execPath, ['scripts/build.mjs']);
process.exit(
  await run(process.execPath, ['--import', 'tsx', 'scripts/package-check/package-check-cli.ts', ...process.argv.slice(2)]),
);
