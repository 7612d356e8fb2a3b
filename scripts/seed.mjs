#!/usr/bin/env node
// `npm run seed -- --scale county|province [--profile DIR]`: demo and benchmark data.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { ensureNodeModules, ensureSqliteBinding } from './lib/ensure-deps.mjs';
import { run, runOrExit } from './lib/run.mjs';

await ensureSupportedNode();

await ensureNodeModules();
await ensureSqliteBinding();
await runOrExit(process.execPath, ['scripts/build.mjs']);
process.exit(await run(process.execPath, ['dist/tools/seed.cjs', ...process.argv.slice(2)]));
