import { migration0001 } from './0001-settings';
import type { Migration } from './migration';

export const migrations: readonly Migration[] = [migration0001];

export const latestSchemaVersion = (): number => migrations.at(-1)?.version ?? 0;
