import { secretsRepo } from '../secrets/secrets-repo';
import { settingsRepo } from '../settings/settings-repo';

/**
 * Everything that touches SQLite, by repository. These functions run inside the database worker;
 * the rest of main reaches them through DbClient, typed from this object.
 */
export const repos = {
  settings: settingsRepo,
  secrets: secretsRepo,
} as const;

export type Repos = typeof repos;
