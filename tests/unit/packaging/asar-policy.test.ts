import { describe, expect, it } from 'vitest';
import { AsarFormatError, listAsar } from '../../../scripts/package-check/asar-listing';
import { checkAsarEntries } from '../../../scripts/package-check/asar-policy';

/** An asar header as Electron writes it: pickle size fields, then the JSON tree. */
const asarWith = (tree: object): Buffer => {
  const json = Buffer.from(JSON.stringify(tree));
  const padded = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4)]);
  const head = Buffer.alloc(16);
  head.writeUInt32LE(4, 0);
  head.writeUInt32LE(padded.length + 8, 4);
  head.writeUInt32LE(padded.length + 4, 8);
  head.writeUInt32LE(json.length, 12);
  return Buffer.concat([head, padded]);
};
const file = (size = 10, unpacked = false) => ({ size, offset: '0', ...(unpacked ? { unpacked: true } : {}) });
const app = {
  'package.json': file(),
  dist: {
    files: {
      main: { files: { 'electron-main.cjs': file(), 'db-worker.cjs': file() } },
      preload: { files: { 'preload.cjs': file() } },
      renderer: { files: { 'index.html': file() } },
    },
  },
};
const sqlite = { files: { prebuilds: { files: { 'linux-x64.node': file(100, true) } } } };

describe('what app.asar may hold', () => {
  it('accepts the built app with its native module unpacked', () => {
    const entries = listAsar(
      asarWith({ files: { ...app, node_modules: { files: { 'better-sqlite3-multiple-ciphers': sqlite } } } }),
    );
    expect(checkAsarEntries(entries)).toEqual({
      problems: [],
      natives: ['node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node'],
    });
  });

  it('names the seed tool, the browser shell, tests, sources, maps and a packed native module', () => {
    const tree = {
      files: {
        ...app,
        dist: {
          files: { ...app.dist.files, tools: { files: { 'seed.cjs': file() } }, shell: { files: { 'shell.cjs': file() } } },
        },
        tests: { files: { 'a.test.ts': file() } },
        'main.cjs.map': file(),
        node_modules: {
          files: {
            'better-sqlite3-multiple-ciphers': {
              files: { deps: { files: { 'sqlite3.c': file() } }, x: { files: { 'y.node': file() } } },
            },
          },
        },
      },
    };
    const { problems } = checkAsarEntries(listAsar(asarWith(tree)));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('dist/tools/seed.cjs'),
        expect.stringContaining('dist/shell/shell.cjs'),
        expect.stringContaining('tests/a.test.ts'),
        expect.stringContaining('main.cjs.map'),
        expect.stringContaining('deps/sqlite3.c'),
        '原生模块未解包：node_modules/better-sqlite3-multiple-ciphers/x/y.node（asar 内的 .node 无法加载）',
      ]),
    );
  });

  it('names what is missing, and refuses a file that is not an asar', () => {
    expect(checkAsarEntries(listAsar(asarWith({ files: { 'package.json': file() } }))).problems).toContain(
      '缺少 dist/main/electron-main.cjs',
    );
    expect(() => listAsar(Buffer.from('PK\x03\x04 a zip, not an asar'))).toThrow(AsarFormatError);
  });
});
