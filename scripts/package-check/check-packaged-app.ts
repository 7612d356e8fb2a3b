import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listAsar } from './asar-listing';
import { checkAsarEntries } from './asar-policy';
import { binaryMismatch } from './binary-arch';
import { FUSE_NAMES, fuseProblems, readFuseWires } from './fuse-wire';

export interface PackagedApp {
  /** electron-builder's unpacked output: linux-unpacked, linux-arm64-unpacked, win-unpacked. */
  readonly appDir: string;
  readonly platform: 'linux' | 'win32';
  readonly arch: string;
  readonly executable: string;
}

export interface PackageReport {
  readonly problems: string[];
  readonly lines: string[];
}

const nativesUnder = (root: string): string[] => {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.node')) found.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return found;
};

/** What a county PC would receive from this folder: the executable's CPU and fuses, the asar, the natives. */
export const checkPackagedApp = (app: PackagedApp): PackageReport => {
  const problems: string[] = [];
  const lines: string[] = [];
  const target = { platform: app.platform, arch: app.arch };

  const executablePath = join(app.appDir, app.executable);
  if (!existsSync(executablePath)) return { problems: [`缺少可执行文件 ${app.executable}`], lines };
  const executable = readFileSync(executablePath);
  const executableMismatch = binaryMismatch(executable, target);
  if (executableMismatch) problems.push(`${app.executable}：${executableMismatch}`);
  problems.push(...fuseProblems(executable).map((problem) => `${app.executable}：${problem}`));
  const [wire] = readFuseWires(executable);
  if (wire) lines.push(`fuses: ${FUSE_NAMES.map((name, index) => `${name}=${wire.states.get(index) ?? 'absent'}`).join(' ')}`);

  const asarPath = join(app.appDir, 'resources', 'app.asar');
  if (!existsSync(asarPath)) return { problems: [...problems, '缺少 resources/app.asar'], lines };
  const entries = listAsar(readFileSync(asarPath));
  const policy = checkAsarEntries(entries);
  problems.push(...policy.problems);
  lines.push(`app.asar: ${entries.length} files, ${(statSync(asarPath).size / 1024 / 1024).toFixed(1)} MB`);

  // Every .node beside the asar counts, whether the asar's header lists it or not.
  const unpackedRoot = join(app.appDir, 'resources', 'app.asar.unpacked');
  const unpacked = nativesUnder(unpackedRoot);
  for (const native of policy.natives)
    if (!unpacked.includes(native)) problems.push(`原生模块 ${native} 在 asar 头部标为解包，但 app.asar.unpacked 中没有`);
  for (const native of unpacked) {
    const mismatch = binaryMismatch(readFileSync(join(unpackedRoot, native)), target);
    lines.push(`native: ${native} ${mismatch ? `✗ ${mismatch}` : `${app.platform}-${app.arch} ✓`}`);
    if (mismatch) problems.push(`原生模块 ${native}：${mismatch}`);
  }
  if (!unpacked.some((native) => native.startsWith('node_modules/better-sqlite3-multiple-ciphers/')))
    problems.push('包中没有 SQLite 绑定（better-sqlite3-multiple-ciphers）：坐席无法打开数据库');
  lines.push(`natives: ${unpacked.length}`);
  return { problems, lines };
};
