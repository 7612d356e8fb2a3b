import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A tmpfs of its own (root, as in CI): a disk that can be filled and freed without touching the machine's. */
export const mountSmallDisk = (megabytes: number, prefix: string): string | null => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
};

export const unmountSmallDisk = (dir: string): void => {
  execFileSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
};

/** Fills the disk to the last byte with one file, and returns it (deleting it frees the disk). */
export const fillDisk = (dir: string): string => {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 4096, 512, 1])
      for (;;) {
        try {
          writeSync(fd, Buffer.alloc(size));
        } catch {
          break;
        }
      }
  } finally {
    closeSync(fd);
  }
  return filler;
};
