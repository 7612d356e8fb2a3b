import { randomBytes } from 'node:crypto';

/** 256 random bits as 64 lowercase hex digits: the form SQLite3MultipleCiphers' `hexkey` pragma takes. */
export type DatabaseKey = string & { readonly __brand: 'DatabaseKey' };

const KEY_PATTERN = /^[0-9a-f]{64}$/;

export class DatabaseKeyError extends Error {
  readonly code = 'DATABASE_KEY';
}

export const newDatabaseKey = (): DatabaseKey => randomBytes(32).toString('hex') as DatabaseKey;

/** Accepts what a person may paste or a file may hold (case, surrounding whitespace); nothing else. */
export const parseDatabaseKey = (text: string, where: string): DatabaseKey => {
  const key = text.trim().toLowerCase();
  if (!KEY_PATTERN.test(key)) throw new DatabaseKeyError(`${where} 中的数据库密钥无效：应为 64 位十六进制数字（256 位）`);
  return key as DatabaseKey;
};

/** Where the console gets the key of its profile's database: a file or the environment, or the OS keychain. */
export type DatabaseKeySource = () => Promise<DatabaseKey>;
