import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migrations/migration';
import { ensureFieldFunctions } from '../fields/field-functions';

export class DatabaseTooNewError extends Error {
  readonly code = 'DATABASE_TOO_NEW';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`数据库版本 ${found} 比本程序支持的版本 ${supported} 新：请升级民声坐席，或联系 IT 管理员。数据未作任何改动。`);
    this.name = 'DatabaseTooNewError';
  }
}

const currentVersion = (db: Database): number => Number(db.pragma('user_version', { simple: true }));

/**
 * Applies each pending migration in its own transaction together with the version bump, so a crash
 * between two migrations leaves a database that is exactly at one version, never half-way.
 */
export const migrate = (db: Database, migrations: readonly Migration[]): number => {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
  });
  // Every repository statement may seal or unseal a field: a database that skipped openDatabase gets the pass-through functions.
  ensureFieldFunctions(db);
  const supported = migrations.length;
  const found = currentVersion(db);
  if (found > supported) throw new DatabaseTooNewError(found, supported);
  for (const migration of migrations.slice(found)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return currentVersion(db);
};
