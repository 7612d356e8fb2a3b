// Finding (and, where the network allows, fetching) the Electron binary, and a better-sqlite3
// binding built for Electron's ABI. Both need a machine that can reach Electron's download hosts
// or a mirror (ELECTRON_MIRROR); on a closed network they fail and `npm start` falls back to the
// browser shell.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { run } from './run.mjs';

const require = createRequire(import.meta.url);

export const electronVersion = () => {
  try {
    return JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  } catch {
    return null;
  }
};

/** The path to the Electron executable, or null when the package or its binary is missing. */
export const electronBinary = () => {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
};

/** Runs electron's own installer, which `npm ci` skipped; quiet, bounded in time. */
export const downloadElectron = async () => {
  if (!existsSync('node_modules/electron/install.js')) return false;
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const code = await run(process.execPath, ['node_modules/electron/install.js'], { env, stdio: 'ignore', timeout: 300_000 });
  return code === 0 && electronBinary() !== null;
};

/**
 * better-sqlite3-multiple-ciphers in node_modules is built for Node (tests need that); Electron needs its own ABI. We
 * build a second copy under .cache/ and hand its path to the app, leaving node_modules untouched.
 * npm_config_nodedir is removed on purpose: machines where npm sets nodedir=/usr would otherwise
 * silently build against Node's headers again.
 */
export const electronSqliteBinding = async (version) => {
  const out = resolve('.cache', 'electron-native', version);
  const binding = join(out, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync('node_modules/better-sqlite3-multiple-ciphers', out, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3-multiple-ciphers', 'build')}`),
  });
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_nodedir$/i.test(key)));
  const gyp = resolve('node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const code = await run(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: out, env, stdio: 'ignore', timeout: 600_000 },
  );
  return code === 0 && existsSync(binding) ? binding : null;
};
