import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUSE_SENTINEL } from './fuse-wire';

/**
 * A stand-in for Electron's Linux distribution, so that electron-builder can package the app on a
 * machine that cannot download Electron. It is NOT Electron: its `electron` is a small C program,
 * built here for this machine's CPU, that carries a fuse wire with Electron's default values after
 * the sentinel (so electron-builder's fuse flipping, and our read-back, work on real bytes) and that
 * refuses to run. Everything else electron-builder needs from a distribution is a folder layout.
 */
// Electron's defaults, in wire order (docs/tutorial/fuses.md): runAsNode on, cookie encryption off,
// NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
export const ELECTRON_DEFAULT_WIRE = '10110001';

const escapeC = (text: string): string =>
  [...text].map((char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

const programSource = (): string => `/* Minsheng Desk package check: stand-in for the Electron binary. Not Electron. */
#include <stdio.h>
__attribute__((used)) static const char fuse_wire[] = "${escapeC(FUSE_SENTINEL)}\\x01\\x${ELECTRON_DEFAULT_WIRE.length
  .toString(16)
  .padStart(2, '0')}${escapeC(ELECTRON_DEFAULT_WIRE)}";
int main(void) {
  fprintf(stderr, "这是打包检查用的 Electron 替身，不是 Electron，不能运行坐席（%d）\\n", fuse_wire[0]);
  return 1;
}
`;

export class StandInUnavailableError extends Error {}

/** Builds the stand-in under `cacheDir` once; returns its folder. */
export const ensureStandInElectron = (options: {
  readonly cacheDir: string;
  readonly version: string;
  readonly arch: string;
}): string => {
  if (options.arch !== process.arch)
    throw new StandInUnavailableError(
      `替身只能为本机架构（${process.arch}）构建，无法检查 ${options.arch} 包：请在 ${options.arch} 机器上运行`,
    );
  const home = join(options.cacheDir, `electron-standin-${options.version}-linux-${options.arch}`);
  const binary = join(home, 'electron');
  if (existsSync(binary) && existsSync(join(home, 'chrome-sandbox'))) return home;
  rmSync(home, { recursive: true, force: true });
  mkdirSync(join(home, 'resources'), { recursive: true });
  const source = join(home, 'standin.c');
  writeFileSync(source, programSource());
  const compiled = spawnSync('cc', ['-O1', '-o', binary, source], { encoding: 'utf8' });
  if (compiled.status !== 0)
    throw new StandInUnavailableError(
      `无法编译 Electron 替身（需要 C 编译器 cc）：${(compiled.stderr ?? compiled.error?.message ?? '').slice(0, 300)}`,
    );
  rmSync(source);
  chmodSync(binary, 0o755);
  // Electron's Linux zip carries the SUID sandbox helper; the stand-in's is the same do-nothing program.
  copyFileSync(binary, join(home, 'chrome-sandbox'));
  writeFileSync(join(home, 'LICENSE'), 'Stand-in for the Electron distribution, made by scripts/package-check. Not Electron.\n');
  writeFileSync(join(home, 'version'), options.version);
  writeFileSync(
    join(home, 'STAND-IN.txt'),
    `This folder stands in for electron-v${options.version}-linux-${options.arch}: electron-builder packages the app into it so\n` +
      'that the asar, the unpacked native modules and the fuse wire can be checked without downloading Electron.\n' +
      'Its "electron" is a small program that only carries a fuse wire. Installers must be built with the real distribution.\n',
  );
  return home;
};
