import { type DbClient, openDbClient } from '../../main/db/db-client';
import { fileDatabaseKey } from '../../main/db/encryption/key-file';
import { createLogger } from '../../main/log/logger';
import { type SecretStore, createMemorySecretStore } from '../../main/secrets/secret-store';
import { type DeskServices, createDeskServices } from '../../main/services';

import { TEST_DB_WORKER } from './test-db-worker';

export const openTestDbClient = (file: string): Promise<DbClient> => openDbClient({ file, workerScript: TEST_DB_WORKER });

export const startTestServices = (
  profileDir: string,
  options: {
    secrets?: (db: DbClient) => SecretStore;
    logFile?: string;
    sync?: { pollMs?: number; timeoutMs?: number; backoff?: { baseMs: number; maxMs: number } };
    profileKind?: 'production' | 'training';
  } = {},
): Promise<DeskServices> =>
  createDeskServices({
    profileDir,
    transport: 'browser-shell',
    version: '0.0.0-test',
    log: createLogger(options.logFile ? { file: options.logFile } : {}),
    workerScript: TEST_DB_WORKER,
    // As the browser shell does, from an empty environment: the key file beside the profile.
    databaseKey: fileDatabaseKey({ env: {}, profileDir }),
    secrets: options.secrets ?? (() => createMemorySecretStore()),
    ...(options.sync ? { sync: options.sync } : {}),
    ...(options.profileKind ? { profileKind: options.profileKind } : {}),
  });

/** What submitting an order needs and nothing more: a centre code for its number and the agent's id. */
export const configureForOrders = (services: DeskServices, agentId: string) =>
  services.dispatch(
    'settings.save',
    { pbxServers: [], sipExtension: '', sipAuthUser: '', displayName: '', platformUrl: '', centreCode: '320505', agentId },
    { transport: 'test', origin: 'test://' },
  );
