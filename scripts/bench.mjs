#!/usr/bin/env node
// `npm run bench` runs every suite in tests/bench/; `npm run bench -- <suite> [args]` runs one.
// Suites print their figures as `BENCH <name> <number> <unit>` lines.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { readdirSync } from 'node:fs';
import { ensureNodeModules, ensurePbxLab, ensureSqliteBinding } from './lib/ensure-deps.mjs';
import { canIsolateLab, inLabNamespace } from './lib/lab-namespace.mjs';
import { run, runOrExit } from './lib/run.mjs';

await ensureSupportedNode();

await ensureNodeModules();
await ensureSqliteBinding();
// Suites drive the built shell and seed tool.
await runOrExit(process.execPath, ['scripts/build.mjs']);

const suites = readdirSync('tests/bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .map((name) => name.replace(/\.bench\.ts$/, ''))
  .sort();
const [wanted, ...args] = process.argv.slice(2);
if (wanted && !suites.includes(wanted)) {
  console.error(`unknown suite '${wanted}'; suites: ${suites.join(', ')}`);
  process.exit(2);
}
const LAB_SUITES = new Set(['sip', 'lead']);
async function runInLabNamespace(command) {
  if (!canIsolateLab()) {
    console.error('bench: the sip and lead suites need root for the PBX lab’s network namespace');
    return 1;
  }
  await ensurePbxLab();
  const [unshare, args] = inLabNamespace(command);
  return run(unshare, args);
}

let failed = 0;
for (const suite of wanted ? [wanted] : suites) {
  console.log(`▶ bench ${suite}`);
  const command = [process.execPath, '--import', 'tsx', `tests/bench/${suite}.bench.ts`, ...(wanted ? args : [])];
  // The PBX lab runs only in its own network (and PID) namespace, as under `npm test`; the lead
  // suite measures monitoring on it.
  const code = LAB_SUITES.has(suite) ? await runInLabNamespace(command) : await run(command[0], command.slice(1));
  if (code !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
