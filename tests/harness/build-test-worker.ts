// Vitest global setup: the database worker, bundled once per run. Loading the source through tsx
// in every worker thread cost each console start and stop ~0.3 s of compiling, twice now that a
// reader connection exists.
import { build } from 'esbuild';
import { nodeBundleOptions } from '../../scripts/lib/node-bundle.mjs';
import { TEST_DB_WORKER } from './test-db-worker';

export default async function setup(): Promise<void> {
  await build({ ...nodeBundleOptions, entryPoints: ['main/db/db-worker.ts'], outfile: TEST_DB_WORKER });
}
