#!/usr/bin/env node
// `npm test`: installs what the tests need, then runs every runner (typecheck, lint, Vitest,
// Playwright) even when one fails, and ends with the totals of all of them on one line.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureNodeModules, ensurePbxLab, ensureSqliteBinding } from './lib/ensure-deps.mjs';
import { canIsolateLab, inLabNamespace } from './lib/lab-namespace.mjs';

await ensureSupportedNode();

const started = Date.now();
await ensureNodeModules();
await ensureSqliteBinding();
await ensureChromium();
await ensurePbxLab();

const bin = (name) => `node_modules/.bin/${name}`;
const results = [];

const step = (name, command, args) =>
  new Promise((resolve) => {
    const t0 = Date.now();
    console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', () => resolve({ code: 127, seconds: (Date.now() - t0) / 1000 }));
    child.on('exit', (code) => resolve({ code: code ?? 1, seconds: (Date.now() - t0) / 1000 }));
  });

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

const record = (runner, counts, seconds) => {
  results.push({ runner, ...counts, seconds });
  console.log(
    `  ${runner}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds.toFixed(1)} s)`,
  );
};

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

// Checks that are not test runners count as one test each: clean or not.
for (const [runner, command, args] of [
  ['typecheck', bin('tsc'), ['-b', '--noEmit']],
  ['eslint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['prettier', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  // Doyensec's Electron security scanner, offline; reviewed findings in scripts/security/electronegativity-exclusions.ts.
  ['electronegativity', process.execPath, ['--import', 'tsx', 'scripts/security/electronegativity-check.ts']],
]) {
  const { code, seconds } = await step(runner, command, args);
  record(runner, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }, seconds);
}

{
  const report = 'test-results/vitest-report.json';
  const { code, seconds } = await step('vitest', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  const json = readJson(report);
  const counts = json
    ? { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests }
    : { passed: 0, failed: 1, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // a crash outside any test still fails the run
  record('vitest', counts, seconds);
}

{
  const build = await step('build', process.execPath, ['scripts/build.mjs']);
  record('build', { passed: build.code === 0 ? 1 : 0, failed: build.code === 0 ? 0 : 1, skipped: 0 }, build.seconds);
  const report = 'test-results/e2e-report.json';
  const { code, seconds } = build.code === 0 ? await step('playwright', bin('playwright'), ['test']) : { code: 1, seconds: 0 };
  const stats = existsSync(report) ? readJson(report)?.stats : null;
  const counts = stats
    ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }
    : { passed: 0, failed: 1, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  record('playwright', counts, seconds);
}

{
  // What a county PC would install: packaged into a stand-in Electron, then asar, natives and fuses checked.
  const check = await step('package-check', process.execPath, ['--import', 'tsx', 'scripts/package-check/package-check-cli.ts']);
  record('package-check', { passed: check.code === 0 ? 1 : 0, failed: check.code === 0 ? 0 : 1, skipped: 0 }, check.seconds);
}

{
  // The softphone against the PBX lab, in the lab's own namespaces (scripts/lib/lab-namespace.mjs).
  const report = 'test-results/e2e-sip-report.json';
  if (!canIsolateLab()) {
    console.log("\n▶ playwright-sip: skipped (needs root for the lab's network namespace)");
    record('playwright-sip', { passed: 0, failed: 0, skipped: 1 }, 0);
  } else {
    const { code, seconds } = await step(
      'playwright-sip',
      ...inLabNamespace([bin('playwright'), 'test', '-c', 'playwright.sip.config.ts']),
    );
    const stats = existsSync(report) ? readJson(report)?.stats : null;
    const counts = stats
      ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }
      : { passed: 0, failed: 1, skipped: 0 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    record('playwright-sip', counts, seconds);
  }
}

{
  // `npm run demo -- --check` as a newcomer runs it: lab, training console, one simulated citizen.
  if (!canIsolateLab()) {
    console.log("\n▶ demo-check: skipped (needs root for the lab's network namespace)");
    record('demo-check', { passed: 0, failed: 0, skipped: 1 }, 0);
  } else {
    const demo = [process.execPath, '--import', 'tsx', 'tests/pbx-lab/demo/demo-run.ts', '--check'];
    const { code, seconds } = await step('demo-check', ...inLabNamespace(demo));
    record('demo-check', { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }, seconds);
  }
}

const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
console.log(`\nsummary (${((Date.now() - started) / 1000).toFixed(0)} s):`);
for (const r of results) console.log(`  ${r.runner.padEnd(10)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(total('failed') === 0 ? 0 : 1);
