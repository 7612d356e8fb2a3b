import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { percentile } from './bench-output';

/**
 * Reads files through once, so both sides of a comparison start from the OS cache: a copy just
 * written and an original pushed out by it would otherwise differ by disk reads, not by encryption.
 */
export const warmOsCache = (files: readonly string[]): void => {
  const buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
  for (const file of files.filter((path) => existsSync(path))) {
    const fd = openSync(file, 'r');
    try {
      while (readSync(fd, buffer, 0, buffer.length, null) > 0);
    } finally {
      closeSync(fd);
    }
  }
};

/**
 * Runs each probe on both databases, alternating which goes first, `rounds` times over: both see a
 * warm OS cache and the same machine noise. Returns the p95 of each and their ratio.
 */
export const compareEncrypted = async <T>(
  probes: readonly T[],
  run: { encrypted: (probe: T) => Promise<unknown> | unknown; plain: (probe: T) => Promise<unknown> | unknown },
  rounds = 3,
): Promise<{ encryptedP95: number; plainP95: number; ratio: number }> => {
  const encrypted: number[] = [];
  const plain: number[] = [];
  const time = async (fn: () => Promise<unknown> | unknown, into: number[]) => {
    const started = performance.now();
    await fn();
    into.push(performance.now() - started);
  };
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, probe] of probes.entries()) {
      if ((index + round) % 2 === 0) {
        await time(() => run.encrypted(probe), encrypted);
        await time(() => run.plain(probe), plain);
      } else {
        await time(() => run.plain(probe), plain);
        await time(() => run.encrypted(probe), encrypted);
      }
    }
  }
  const encryptedP95 = percentile(encrypted, 95);
  const plainP95 = percentile(plain, 95);
  return { encryptedP95, plainP95, ratio: encryptedP95 / plainP95 };
};
