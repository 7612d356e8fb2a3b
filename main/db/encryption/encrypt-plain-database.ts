import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { DatabaseKeyError, type DatabaseKey } from './database-key';
import { fsyncFile, fsyncFolderOf } from './durable-file';
import { encryptConnection, keyConnection, keyLegacyConnection, opensWithCurrentCipher } from './key-connection';
import { databaseFileState } from './sqlite-header';

export type EncryptionPhase = 'copy' | 'rekey' | 'verify' | 'swap' | 'done';

export interface EncryptOptions {
  readonly nativeBinding?: string;
  /** Told as each phase starts: the kill test uses it to know where its kills land. */
  readonly onPhase?: (phase: EncryptionPhase) => void;
}

export class DatabaseEncryptionError extends Error {
  readonly code = 'DATABASE_ENCRYPTION';
}

const SIDE_FILES = ['-journal', '-wal', '-shm'];
const removeWithSideFiles = (file: string): void => {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
};

/**
 * Turns a profile's plain database (from before encryption), or one encrypted with the earlier
 * scheme (AES-256-CBC, before AEGIS), into one encrypted with the current scheme. The original is
 * never rewritten: an encrypted copy is built beside it, checked, and renamed over it in one atomic
 * step, so a crash or power cut at any moment leaves either the intact original (the next start
 * begins again) or the finished one. A rekey cannot run in WAL mode, hence the copy is taken out
 * of WAL first. Returns what it found.
 */
export const encryptPlainDatabase = (
  file: string,
  key: DatabaseKey,
  options: EncryptOptions = {},
): 'new' | 'already-encrypted' | 'encrypted-now' | 're-encrypted-now' => {
  const work = `${file}.encrypting`;
  // Whatever an interrupted run left: the original was not touched, so it is simply thrown away.
  removeWithSideFiles(work);
  const state = databaseFileState(file);
  if (state === 'missing' || state === 'empty') return 'new';
  const nativeBinding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (
    state === 'encrypted' &&
    opensWithCurrentCipher(() => new BetterSqlite3(file, { fileMustExist: true, ...nativeBinding }), key)
  )
    return 'already-encrypted';
  try {
    if (state === 'plain') encryptThroughCopy(file, work, key, options);
    else reencryptThroughCopy(file, work, key, options);
  } catch (error) {
    removeWithSideFiles(work);
    if (error instanceof DatabaseEncryptionError || error instanceof DatabaseKeyError) throw error;
    const code = (error as { code?: string }).code;
    throw new DatabaseEncryptionError(
      code === 'SQLITE_FULL' || code === 'ENOSPC'
        ? '磁盘空间不足，无法加密本地数据库：加密需要再有一份数据库大小的空间。原数据库未改动，腾出空间后重新启动坐席即可。'
        : `加密本地数据库失败（${error instanceof Error ? error.message : String(error)}），原数据库未改动，下次启动时重试。`,
    );
  }
  options.onPhase?.('done');
  return state === 'plain' ? 'encrypted-now' : 're-encrypted-now';
};

const encryptThroughCopy = (file: string, work: string, key: DatabaseKey, options: EncryptOptions): void => {
  const nativeBinding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  options.onPhase?.('copy');
  const plain = new BetterSqlite3(file, { fileMustExist: true, ...nativeBinding });
  try {
    // VACUUM INTO reads one consistent snapshot, WAL frames included, and writes a compact copy.
    plain.prepare('VACUUM INTO ?').run(work);
    // Committed frames go into the file, and the WAL is emptied: none of it may outlive the swap,
    // where SQLite would replay plain frames into the encrypted file.
    plain.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    plain.close();
  }
  const version = userVersionOf(work, nativeBinding);

  options.onPhase?.('rekey');
  const copy = new BetterSqlite3(work, { fileMustExist: true, ...nativeBinding });
  try {
    copy.pragma('journal_mode = DELETE');
    encryptConnection(copy, key);
  } finally {
    copy.close();
  }

  verifyAndSwap(file, work, key, version, nativeBinding, options);
};

/**
 * The earlier scheme's file, copied as it is (encrypted bytes only, after its WAL was folded in),
 * and the copy rekeyed to the current scheme.
 */
const reencryptThroughCopy = (file: string, work: string, key: DatabaseKey, options: EncryptOptions): void => {
  const nativeBinding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  options.onPhase?.('copy');
  const original = new BetterSqlite3(file, { fileMustExist: true, ...nativeBinding });
  let version: number;
  try {
    keyLegacyConnection(original, key);
    original.pragma('wal_checkpoint(TRUNCATE)');
    version = Number(original.pragma('user_version', { simple: true }));
  } finally {
    original.close();
  }
  copyFileSync(file, work);

  options.onPhase?.('rekey');
  const copy = new BetterSqlite3(work, { fileMustExist: true, ...nativeBinding });
  try {
    keyLegacyConnection(copy, key);
    copy.pragma('journal_mode = DELETE');
    encryptConnection(copy, key);
  } finally {
    copy.close();
  }
  verifyAndSwap(file, work, key, version, nativeBinding, options);
};

const verifyAndSwap = (
  file: string,
  work: string,
  key: DatabaseKey,
  version: number,
  nativeBinding: { nativeBinding?: string },
  options: EncryptOptions,
): void => {
  options.onPhase?.('verify');
  if (databaseFileState(work) !== 'encrypted')
    throw new DatabaseEncryptionError('加密副本仍是明文，已停止迁移（原数据库未改动）');
  const check: Database = new BetterSqlite3(work, { fileMustExist: true, ...nativeBinding });
  try {
    keyConnection(check, key);
    const result = check.pragma('quick_check', { simple: true });
    const encryptedVersion = Number(check.pragma('user_version', { simple: true }));
    if (result !== 'ok' || encryptedVersion !== version) {
      throw new DatabaseEncryptionError(`加密副本校验失败（${String(result)}），已停止迁移（原数据库未改动）`);
    }
  } finally {
    check.close();
  }
  fsyncFile(work);

  options.onPhase?.('swap');
  for (const suffix of ['-wal', '-shm']) {
    const side = `${file}${suffix}`;
    if (suffix === '-wal' && existsSync(side) && statSync(side).size > 0) {
      throw new DatabaseEncryptionError('数据库的 WAL 未能清空（是否有另一个程序打开了它？），已停止迁移（原数据库未改动）');
    }
    rmSync(side, { force: true });
  }
  renameSync(work, file);
  fsyncFolderOf(file);
};

const userVersionOf = (file: string, nativeBinding: { nativeBinding?: string }): number => {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...nativeBinding });
  try {
    return Number(db.pragma('user_version', { simple: true }));
  } finally {
    db.close();
  }
};
