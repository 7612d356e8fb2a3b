import { percentile } from './bench-output';

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
