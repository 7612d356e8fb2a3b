#!/usr/bin/env node
// `npm run platform`: the reference platform server (tests/platform) on 127.0.0.1:5740, with demo data.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { ensureNodeModules, ensureSqliteBinding } from './lib/ensure-deps.mjs';
import { run } from './lib/run.mjs';

await ensureSupportedNode();

await ensureNodeModules();
await ensureSqliteBinding();
process.exit(await run(process.execPath, ['--import', 'tsx', 'tests/platform/platform-cli.ts', ...process.argv.slice(2)]));
