// `npm run package:check [-- --arch x64]`: packages the console with electron-builder (`--linux dir`)
// into a stand-in Electron distribution (standin-electron.ts), then checks what a county PC would
// receive (check-packaged-app.ts); `--config <yml> --output <dir>` check another configuration. `--app-dir <dir> --platform linux|win32 --arch <arch>` checks an
// existing electron-builder output instead (npm run dist does, for real installers). Exit code 1, with
// the reasons, on any problem.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readDebContents, repackForUos } from '../uos/uos-deb';
import { uosLayoutProblems } from '../uos/uos-layout';
import { buildElectronBuilderLikeDeb } from '../uos/standin-deb';
import { readBuilderFacts } from './builder-config';
import { checkPackagedApp } from './check-packaged-app';
import { StandInUnavailableError, ensureStandInElectron } from './standin-electron';

const option = (name: string): string | null => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? null : (process.argv[at + 1] ?? null);
};
const arch = option('arch') ?? process.arch;
const configFile = option('config') ?? 'electron-builder.yml';
const output = option('output') ?? 'release/package-check';
const platform = option('platform') === 'win32' ? 'win32' : 'linux';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const facts = readBuilderFacts(configFile);
const electronVersion = packageJson.devDependencies.electron ?? '';
const executableName = facts.executableName || 'minsheng-desk';
const builderElectron = facts.electronVersion;

const fail = (message: string): never => {
  console.error(`✗ ${message}`);
  process.exit(1);
};

const packIntoStandIn = (): string => {
  let standIn = '';
  try {
    standIn = ensureStandInElectron({ cacheDir: '.cache', version: electronVersion, arch });
  } catch (error) {
    fail(error instanceof StandInUnavailableError ? error.message : String(error));
  }
  rmSync(output, { recursive: true, force: true });
  const started = Date.now();
  const builder = spawnSync(
    process.execPath,
    [
      'node_modules/electron-builder/cli.js',
      '--config',
      configFile,
      '--linux',
      'dir',
      `--${arch}`,
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${output}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  if (builder.status !== 0) {
    console.error(builder.stdout, builder.stderr);
    fail('electron-builder --linux dir 失败');
  }
  const appDir = join(output, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
  console.log(
    `electron-builder --linux dir --${arch} into the stand-in: ${((Date.now() - started) / 1000).toFixed(1)} s → ${appDir}`,
  );
  return appDir;
};

const problems: string[] = [];
if (builderElectron !== electronVersion)
  problems.push(
    `electron-builder.yml 的 electronVersion（${builderElectron}）与 package.json 的 electron（${electronVersion}）不一致`,
  );

const checkingExisting = option('app-dir') !== null;
const appDir = option('app-dir') ?? packIntoStandIn();
const executable =
  platform === 'win32'
    ? [`${executableName}.exe`, 'MinshengDesk.exe'].find((name) => existsSync(join(appDir, name)))
    : executableName;
const report = checkPackagedApp({ appDir, platform, arch, executable: executable ?? `${executableName}.exe` });
for (const line of report.lines) console.log(line);
problems.push(...report.problems);

// The UOS store package, from a deb laid out as electron-builder's (built here with dpkg-deb: its own
// deb target needs fpm, a download). `npm run dist` repacks the real deb the same way.
if (!checkingExisting && platform === 'linux') {
  const debArch = arch === 'x64' ? 'amd64' : arch;
  const deb = buildElectronBuilderLikeDeb({
    appDir,
    productName: facts.productName,
    executable: executableName,
    displayName: facts.displayName,
    version: packageJson.version,
    debArch,
    depends: facts.depends,
    iconsDir: 'build-resources/icons',
    postinst: 'build-resources/linux/after-install.sh',
    outputDir: join(output, 'deb'),
  });
  const before = uosLayoutProblems(readDebContents(deb, facts.appId), {
    appId: facts.appId,
    name: facts.displayName,
    executable: executableName,
    version: packageJson.version,
    debArch,
  });
  const { file, app } = repackForUos({
    inputDeb: deb,
    outputDir: join(output, 'uos'),
    app: { appId: facts.appId, name: facts.displayName, executable: executableName },
    comment: facts.comment,
    udevRule: 'build-resources/linux/70-minsheng-headsets.rules',
  });
  const after = uosLayoutProblems(readDebContents(file, app.appId), app);
  console.log(`uos: electron-builder-style deb breaks ${before.length} store rules; repacked ${file}: ${after.length}`);
  problems.push(...after.map((problem) => `UOS 包：${problem}`));
}

if (problems.length > 0) {
  console.error(`✗ 打包检查发现 ${problems.length} 个问题（${appDir}）：`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`PACKAGE CHECK ok: ${platform}-${arch}, ${appDir}`);
