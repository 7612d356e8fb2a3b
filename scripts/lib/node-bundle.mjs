import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

/** esbuild options for every Node-side bundle; the tests' database worker is built with the same. */
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Node 24 runs the tests and the browser shell; Electron 45 embeds a Node 24 as well.
  target: 'node24',
  // better-sqlite3-multiple-ciphers and node-hid are native and electron is provided by the runtime: none can be bundled.
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'node-hid', '@node-rs/jieba'],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
  legalComments: 'none',
};
