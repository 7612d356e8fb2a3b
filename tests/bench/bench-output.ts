/** The one output format of every suite: `BENCH <name> <number> <unit>`, a line each. */
export const report = (name: string, value: number, unit: string): void => {
  console.log(`BENCH ${name} ${Number.isInteger(value) ? value : value.toFixed(3)} ${unit}`);
};

export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
};
