#!/usr/bin/env node
// `npm run bench` runs every suite in tests/bench/; `npm run bench -- <suite> [args]` runs one.
// Suites print their figures as `BENCH <name> <number> <unit>` lines.
import { readdirSync } from 'node:fs';
import { ensureNodeModules, ensureSqliteBinding } from './lib/ensure-deps.mjs';
import { run, runOrExit } from './lib/run.mjs';

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
let failed = 0;
for (const suite of wanted ? [wanted] : suites) {
  console.log(`▶ bench ${suite}`);
  const code = await run(process.execPath, ['--import', 'tsx', `tests/bench/${suite}.bench.ts`, ...(wanted ? args : [])]);
  if (code !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
