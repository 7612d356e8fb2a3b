// Installs what the project needs, from the project's own files, so that the README's two commands
// work on a fresh machine: npm packages (with the Electron binary download deferred to `npm start`),
// and for tests Debian's Chromium and CJK fonts.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { run, runOrExit } from './run.mjs';

const STAMP = 'node_modules/.minsheng-install-stamp';

const lockHash = () => createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');

/**
 * `npm ci` when package-lock.json changed since the last install. Nothing is fetched from outside the
 * npm registry: Electron (45) no longer downloads its binary at install time — `npm start` fetches it
 * later when it can — and the variable below keeps it so should a later version go back to it.
 */
export const ensureNodeModules = async () => {
  const wanted = lockHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return;
  console.log('▶ npm ci (Electron binary and Playwright browsers are not downloaded at install time)');
  await runOrExit('npm', ['ci', '--no-audit', '--no-fund'], {
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  writeFileSync(STAMP, wanted);
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEBIAN_TEST_PACKAGES = ['chromium', 'fonts-noto-cjk'];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Debian packages by name; as root they are installed, otherwise the user is told what to install. */
export const ensureDebianPackages = async ({ packages, present, why }) => {
  if (present()) return;
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) {
    console.error(`✗ ${why}：需要安装 ${packages.join(' ')}（例如：sudo apt-get install -y ${packages.join(' ')}）`);
    process.exit(1);
  }
  console.log(`▶ apt-get install ${packages.join(' ')} (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runOrExit('apt-get', ['update', '-qq'], { env });
  await runOrExit('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
};

export const ensureChromium = () =>
  ensureDebianPackages({
    packages: DEBIAN_TEST_PACKAGES,
    present: () => existsSync(CHROMIUM) && existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    why: '端到端测试需要 Debian 的 Chromium 和中文字体',
  });

const LAB_PACKAGES = [
  'kamailio',
  'kamailio-websocket-modules',
  'kamailio-tls-modules',
  // evapi: the lab ACD's queue events
  'kamailio-extra-modules',
  'rtpengine-daemon',
  'rtpengine-utils',
  'baresip-core',
  'sip-tester',
  // the simulated citizens' Mandarin voice (training calls, npm run demo)
  'espeak-ng',
];
const LAB_FILES = [
  '/usr/sbin/kamailio',
  '/usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so',
  '/usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so',
  '/usr/lib/x86_64-linux-gnu/kamailio/modules/evapi.so',
  '/usr/bin/rtpengine',
  '/usr/bin/baresip',
  '/usr/bin/sipp',
  '/usr/bin/espeak-ng',
];

/**
 * The softphone tests' PBX (tests/pbx-lab): Kamailio, rtpengine in userspace (not the `rtpengine`
 * metapackage, which pulls a kernel module), baresip, SIPp, and espeak-ng for the simulated citizens' voice.
 */
export const ensurePbxLab = () =>
  ensureDebianPackages({
    packages: LAB_PACKAGES,
    present: () => LAB_FILES.every((file) => existsSync(file)),
    why: '软电话测试需要 Kamailio、rtpengine、baresip、SIPp 和 espeak-ng',
  });

/** The better-sqlite3-multiple-ciphers binding (a prebuilt N-API binary) must load in this Node; a broken install is repaired. */
export const ensureSqliteBinding = async () => {
  const probe = "require('better-sqlite3-multiple-ciphers')(':memory:').close()";
  if ((await run(process.execPath, ['-e', probe], { stdio: 'ignore' })) === 0) return;
  console.log('▶ npm rebuild better-sqlite3-multiple-ciphers (binding missing or built for another runtime)');
  await runOrExit('npm', ['rebuild', 'better-sqlite3-multiple-ciphers']);
};
