import BetterSqlite3, { type Database, type Options } from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, readFileSync } from 'node:fs';
import { type DatabaseKey, parseDatabaseKey } from '../../main/db/encryption/database-key';
import { defaultKeyFile, readOrCreateKeyFile } from '../../main/db/encryption/key-file';
import { keyConnection } from '../../main/db/encryption/key-connection';
import { databaseFile } from '../../main/profile/database-file';

/** The key the browser shell (and the test services) use for this profile: its key file, made if missing. */
export const profileKey = (profileDir: string): DatabaseKey => readOrCreateKeyFile({ env: {}, profileDir });

/**
 * A profile's database opened as an inspector would, with the key the console made (never making
 * one: a reader racing the console's first start must not write the key file under it).
 */
export const openProfileDb = (profileDir: string, options: Options = {}): Database => {
  const key = parseDatabaseKey(readFileSync(defaultKeyFile(profileDir), 'utf8'), defaultKeyFile(profileDir));
  const db = new BetterSqlite3(databaseFile(profileDir), options);
  try {
    keyConnection(db, key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};

/**
 * The same database without encryption, for measuring what encryption costs in the same run: a
 * copy decrypted in place (an empty rekey), out of WAL mode for the rekey, then back.
 */
export const decryptedCopy = (file: string, key: DatabaseKey, copy: string): string => {
  const source = new BetterSqlite3(file);
  keyConnection(source, key);
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  copyFileSync(file, copy);
  const db = new BetterSqlite3(copy);
  keyConnection(db, key);
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.pragma('journal_mode = WAL');
  db.close();
  return copy;
};
