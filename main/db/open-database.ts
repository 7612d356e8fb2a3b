import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import type { DatabaseKey } from './encryption/database-key';
import { encryptPlainDatabase } from './encryption/encrypt-plain-database';
import { keyConnection } from './encryption/key-connection';
import { migrate } from './migrate';
import { attachFieldFunctions } from '../fields/field-functions';
import { migrations } from './migrations';

export interface OpenDatabaseOptions {
  readonly file: string;
  /** Path to a better_sqlite3.node built for the running ABI (Electron differs from Node). */
  readonly nativeBinding?: string;
  /**
   * A profile's database is always opened with its key (a plain one from an older version is
   * encrypted first); scratch databases of tools and tests may go without.
   */
  readonly key?: DatabaseKey;
}

/**
 * WAL lets the UI read while sync writes; synchronous=FULL because a county PC may lose power and a
 * committed work order must survive it.
 */
export const openDatabase = ({ file, nativeBinding, key }: OpenDatabaseOptions): { db: Database; schemaVersion: number } => {
  if (key) encryptPlainDatabase(file, key, nativeBinding ? { nativeBinding } : {});
  const db = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
  try {
    if (key) keyConnection(db, key);
    attachFieldFunctions(db, key ?? null);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A discarded draft or a deleted entry is overwritten, not left readable in free pages of the file.
    db.pragma('secure_delete = ON');
    const schemaVersion = migrate(db, migrations);
    return { db, schemaVersion };
  } catch (error) {
    db.close();
    throw error;
  }
};

/**
 * A second connection that only reads, opened after the writer has migrated: it never changes the
 * schema, and `query_only` turns any write that would slip through into an error.
 */
export const openReadConnection = ({
  file,
  nativeBinding,
  key,
}: OpenDatabaseOptions): { db: Database; schemaVersion: number } => {
  const db = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (key) keyConnection(db, key);
    attachFieldFunctions(db, key ?? null);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('query_only = ON');
    return { db, schemaVersion: Number(db.pragma('user_version', { simple: true })) };
  } catch (error) {
    db.close();
    throw error;
  }
};
