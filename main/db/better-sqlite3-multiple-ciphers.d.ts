// better-sqlite3-multiple-ciphers 13 ships index.d.ts, but its package.json "exports" map has no
// "types" entry, so TypeScript cannot find the types through the package name. The types are mapped
// under another name (tsconfig.node.json "paths"), which only this file uses: a "paths" entry for the
// real name would also redirect run-time resolvers that read tsconfig (Playwright, tsx) to a .d.ts.
declare module 'better-sqlite3-multiple-ciphers' {
  // The shipped types are `export =`: only this form re-exports them whole (class and namespace).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  import Database = require('better-sqlite3-multiple-ciphers-types');
  export = Database;
}
