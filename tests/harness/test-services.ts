import { fileURLToPath } from 'node:url';
import { type DbClient, openDbClient } from '../../main/db/db-client';
import { createLogger } from '../../main/log/logger';
import { type SecretStore, createMemorySecretStore } from '../../main/secrets/secret-store';
import { type DeskServices, createDeskServices } from '../../main/services';

/** The worker runs the TypeScript source through tsx, exactly the code the bundle is built from. */
const WORKER_SOURCE = fileURLToPath(new URL('../../main/db/db-worker.ts', import.meta.url));
const WORKER_BOOTSTRAP = fileURLToPath(new URL('./ts-worker-bootstrap.mjs', import.meta.url));

export const openTestDbClient = (file: string): Promise<DbClient> =>
  openDbClient({ file, workerScript: WORKER_BOOTSTRAP, workerArgv: [WORKER_SOURCE] });

export const startTestServices = (
  profileDir: string,
  options: {
    secrets?: (db: DbClient) => SecretStore;
    logFile?: string;
    sync?: { pollMs?: number; timeoutMs?: number; backoff?: { baseMs: number; maxMs: number } };
  } = {},
): Promise<DeskServices> =>
  createDeskServices({
    profileDir,
    transport: 'browser-shell',
    version: '0.0.0-test',
    log: createLogger(options.logFile ? { file: options.logFile } : {}),
    workerScript: WORKER_BOOTSTRAP,
    workerArgv: [WORKER_SOURCE],
    secrets: options.secrets ?? (() => createMemorySecretStore()),
    ...(options.sync ? { sync: options.sync } : {}),
  });
