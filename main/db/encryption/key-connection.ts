import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DatabaseKeyError, type DatabaseKey } from './database-key';

/**
 * AEGIS-128L (SQLite3MultipleCiphers' `aegis` scheme): each page encrypted and authenticated with
 * the AES round function (AES-NI), so a page changed on disk is refused instead of read as
 * garbage. Measured on the province history (random screen-pop lookups, p95 against plain, same
 * run, three interleaved connections): AEGIS-128L 1.16–1.17×, AEGIS-256 1.23×, AES-256-CBC (what
 * profiles were encrypted with before; no page authentication) 1.30–1.61×; earlier, SQLCipher's
 * scheme with HMAC-SHA1 1.3–1.5× and ChaCha20-Poly1305 1.5–2.7×.
 */
const CIPHER = { cipher: 'aegis', algorithm: 'aegis-128l' } as const;

/**
 * The key is 256 random bits, never a passphrase: Argon2id's default cost (2 passes over 19 MB,
 * 30 ms on every connection opened) would protect nothing, so the KDF runs at its minimum. Part of
 * the file's format: these values must stay as they are, or the key no longer opens the file.
 */
const KDF_COST = ['tcost = 1', 'mcost = 8', 'pcost = 1'] as const;

/** The scheme profiles were encrypted with until AEGIS: opened only to re-encrypt them (encrypt-plain-database.ts). */
const LEGACY_CIPHER = 'aes256cbc';

const useCipher = (db: Database): void => {
  db.pragma(`cipher = '${CIPHER.cipher}'`);
  db.pragma(`algorithm = '${CIPHER.algorithm}'`);
  for (const setting of KDF_COST) db.pragma(setting);
};

const proveKey = (db: Database): void => {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new DatabaseKeyError('数据库密钥不正确，或数据库文件已损坏：无法打开本地数据库（数据未改动）。');
    }
    throw error;
  }
};

/**
 * Keys a fresh connection (before any other statement, as SQLite3MultipleCiphers requires) and
 * proves the key right at once: a wrong key otherwise surfaces later as "file is not a database"
 * from whichever query runs first.
 */
export const keyConnection = (db: Database, key: DatabaseKey): void => {
  useCipher(db);
  db.pragma(`hexkey = '${key}'`);
  proveKey(db);
};

/** A connection to a profile encrypted with the earlier scheme; the key is proved the same way. */
export const keyLegacyConnection = (db: Database, key: DatabaseKey): void => {
  db.pragma(`cipher = '${LEGACY_CIPHER}'`);
  db.pragma(`hexkey = '${key}'`);
  proveKey(db);
};

/** Encrypts (or re-encrypts, from the earlier scheme) a database in place; its connection must not be in WAL mode. */
export const encryptConnection = (db: Database, key: DatabaseKey): void => {
  useCipher(db);
  db.pragma(`hexrekey = '${key}'`);
};

/** True when the key opens the file with the current scheme (a probe on its own connection, closed again). */
export const opensWithCurrentCipher = (open: () => Database, key: DatabaseKey): boolean => {
  const db = open();
  try {
    keyConnection(db, key);
    return true;
  } catch (error) {
    if (error instanceof DatabaseKeyError) return false;
    throw error;
  } finally {
    db.close();
  }
};
