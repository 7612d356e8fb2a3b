// Finding (and, where the network allows, fetching) the Electron binary. Fetching needs a machine
// that can reach Electron's download host or a mirror (ELECTRON_MIRROR); on a closed network it fails
// and `npm start` falls back to the browser shell. The native modules are N-API and need no rebuild.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from './run.mjs';

/**
 * The path to the Electron executable, or null when the package or its binary is missing. Read from
 * the package's path.txt rather than by `require('electron')`: since Electron 42 that require
 * downloads the binary synchronously when it is missing, which on a closed network blocks and fails.
 */
export const electronBinary = () => {
  try {
    const relative = readFileSync('node_modules/electron/path.txt', 'utf8').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? resolve('node_modules', 'electron', 'dist');
    const path = join(dist, relative);
    return relative && existsSync(path) ? path : null;
  } catch {
    return null;
  }
};

/** Runs electron's own installer (Electron ≥ 42 has no install script: `npm ci` never fetches the binary); quiet, bounded in time. */
export const downloadElectron = async () => {
  if (!existsSync('node_modules/electron/install.js')) return false;
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const code = await run(process.execPath, ['node_modules/electron/install.js'], { env, stdio: 'ignore', timeout: 300_000 });
  return code === 0 && electronBinary() !== null;
};
