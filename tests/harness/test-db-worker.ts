import { fileURLToPath } from 'node:url';

/**
 * The database worker the tests run: bundled from the TypeScript source by the Vitest global setup
 * (`build-test-worker.ts`) with the app's own esbuild options, into node_modules (never committed).
 */
export const TEST_DB_WORKER = fileURLToPath(new URL('../../node_modules/.cache/minsheng-tests/db-worker.cjs', import.meta.url));
