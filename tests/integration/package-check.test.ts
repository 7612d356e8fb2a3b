import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package check packages the built app into the stand-in Electron: a configuration that ships the
// seed tool, the browser shell or a Node-enabling fuse must fail it. Nothing else in Vitest reads dist/.
const scratch = mkdtempSync(join(tmpdir(), 'minsheng-package-check-'));
beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8', timeout: 120_000 });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const runCheck = (name: string, edit: (config: string) => string) => {
  const config = join(scratch, `${name}.yml`);
  writeFileSync(config, edit(readFileSync('electron-builder.yml', 'utf8')));
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/package-check/package-check-cli.ts',
      '--config',
      config,
      '--output',
      join('release', `package-check-${name}`),
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  rmSync(join('release', `package-check-${name}`), { recursive: true, force: true });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('npm run package:check', { timeout: 120_000 }, () => {
  it('passes the project’s configuration: only the app in the asar, natives for this CPU, fuses as required', () => {
    const { status, output } = runCheck('as-configured', (config) => config);
    expect(output).toMatch(/PACKAGE CHECK ok: linux-/);
    expect(output).toMatch(/native: node_modules\/better-sqlite3-multiple-ciphers\/prebuilds\/linux-\w+\.node linux-\w+ ✓/);
    // The deb as electron-builder lays it out breaks the UOS store's rules; the repacked one breaks none.
    const uos = /uos: electron-builder-style deb breaks (\d+) store rules; repacked \S+\.deb: (\d+)/.exec(output);
    expect(Number(uos?.[1])).toBeGreaterThan(0);
    expect(uos?.[2]).toBe('0');
    expect(status).toBe(0);
  });

  it('fails when RunAsNode is left on, or a test file, the seed tool, the browser shell and every platform’s binaries are packaged', () => {
    const { status, output } = runCheck('careless', (config) =>
      config
        .replace('runAsNode: false', 'runAsNode: true')
        .replace('  - dist/**/*\n', '  - dist/**/*\n  - tests/unit/packaging/*.test.ts\n')
        .replace(/^ {2}- '!dist\/(tools|shell)\$\{\/\*\}'\n/gm, '')
        .replace(/^ {2}- '!node_modules\/(better-sqlite3-multiple-ciphers|node-hid)\/prebuilds\/.*\n/gm, ''),
    );
    expect(status).toBe(1);
    expect(output).toContain('熔丝 runAsNode 为 enabled，应为 disabled');
    expect(output).toMatch(/不应打包：dist\/tools\/seed\.cjs/);
    expect(output).toMatch(/不应打包：tests\/unit\/packaging\/fuse-wire\.test\.ts/);
    expect(output).toMatch(/不应打包：dist\/shell\/shell\.cjs/);
    expect(output).toMatch(/原生模块 node_modules\/better-sqlite3-multiple-ciphers\/prebuilds\/win32-x64\.node：格式为 pe/);
    expect(output).toMatch(
      /原生模块 node_modules\/better-sqlite3-multiple-ciphers\/prebuilds\/linux-arm64\.node：架构为 arm64|linux-x64\.node：架构为 x64/,
    );
  });
});
