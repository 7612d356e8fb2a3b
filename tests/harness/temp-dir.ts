import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder per test, removed afterwards: every test gets its own profile and database. */
export const useTempDirs = (): (() => string) => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
      // A profile's database key lives beside the folder (see key-file.ts).
      rmSync(`${dir}.db-key`, { force: true });
    }
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-test-'));
    made.push(dir);
    return dir;
  };
};
