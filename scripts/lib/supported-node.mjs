// Every script of the project runs under Node 24 (the supported LTS Electron 45's tooling needs):
// when the machine's Node is another major (Debian 12 ships 20, end of life since 2026-04-30), the
// pinned Node 24 is taken from the npm registry — the `node-linux-<arch>` packages carry the official
// binary and headers — into .cache/node/, checked against the integrity pinned here, and the script
// runs again under it. Only built-in modules here: this runs before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export const SUPPORTED_NODE_MAJOR = 24;
export const PINNED_NODE_VERSION = '24.22.3';

// `npm view node-linux-<arch>@<version> dist.integrity`; a tarball that differs is refused.
const INTEGRITY = {
  'linux-x64': 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  'linux-arm64': 'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==',
};

const REEXEC_MARK = 'MINSHENG_SUPPORTED_NODE';
const projectRoot = resolve(new URL('../..', import.meta.url).pathname);

const majorOf = (version) => Number(version.split('.')[0]);

const fail = (message) => {
  console.error(`✗ ${message}`);
  process.exit(1);
};

const integrityOf = (file) => `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;

/** The pinned Node in the project cache, fetched and unpacked once; its folder holds bin/node and include/node. */
const cachedNode = (target) => {
  const home = join(projectRoot, '.cache', 'node', `${PINNED_NODE_VERSION}-${target}`);
  const binary = join(home, 'bin', 'node');
  if (existsSync(binary)) return home;
  const expected = INTEGRITY[target];
  if (!expected)
    fail(
      `本机 Node ${process.versions.node} 不受支持，且没有 ${target} 平台的 Node ${SUPPORTED_NODE_MAJOR} 包可自动获取：请安装 Node ${SUPPORTED_NODE_MAJOR} LTS 后重试`,
    );
  const downloads = join(projectRoot, '.cache', 'node', 'downloads');
  mkdirSync(downloads, { recursive: true });
  const spec = `node-${target}@${PINNED_NODE_VERSION}`;
  console.log(`▶ 本机 Node ${process.versions.node} 已停止支持：从 npm 源获取 ${spec}（约 50 MB，仅首次）`);
  const packed = spawnSync('npm', ['pack', spec, '--pack-destination', downloads, '--silent'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tarball = join(downloads, (packed.stdout ?? '').trim().split('\n').pop() ?? '');
  if (packed.status !== 0 || !existsSync(tarball))
    fail(`无法获取 ${spec}（npm pack 失败）：请检查 npm 源，或安装 Node ${SUPPORTED_NODE_MAJOR}`);
  if (integrityOf(tarball) !== expected) {
    rmSync(tarball, { force: true });
    fail(`${spec} 的校验值与项目记录的不一致，已删除下载的文件`);
  }
  // Unpacked beside its final place and renamed at the end, so an interrupted unpack is never mistaken for a runtime.
  const unpacking = `${home}.unpacking`;
  rmSync(unpacking, { recursive: true, force: true });
  mkdirSync(unpacking, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', unpacking, '--strip-components=1'], { stdio: 'inherit' });
  if (untar.status !== 0 || !existsSync(join(unpacking, 'bin', 'node'))) fail(`无法解压 ${tarball}`);
  renameSync(unpacking, home);
  rmSync(tarball, { force: true });
  for (const stale of readdirSync(join(projectRoot, '.cache', 'node')))
    if (stale.endsWith('.unpacking')) rmSync(join(projectRoot, '.cache', 'node', stale), { recursive: true, force: true });
  return home;
};

/**
 * Returns at once under Node 24. Otherwise runs the calling script again under the pinned Node 24 —
 * with its bin first on PATH (so npm, node-gyp and every child use it) and npm_config_nodedir at its
 * headers (a machine's `nodedir=/usr` would build native modules for the old Node) — and exits with
 * its exit code.
 */
export const ensureSupportedNode = async () => {
  if (majorOf(process.versions.node) === SUPPORTED_NODE_MAJOR) return;
  if (process.env[REEXEC_MARK]) fail(`Node ${SUPPORTED_NODE_MAJOR} 启动后版本仍为 ${process.versions.node}`);
  const home = cachedNode(`${process.platform}-${process.arch}`);
  const env = {
    ...process.env,
    [REEXEC_MARK]: '1',
    PATH: `${join(home, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: home,
  };
  const child = spawn(join(home, 'bin', 'node'), [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  // Ctrl+C reaches the child from the terminal itself (a second SIGINT would cut its clean-up short);
  // a kill aimed at this process alone is passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((done) => child.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 128 : 1))));
  process.exit(code);
};
