import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { databaseFile } from '../../profile/database-file';
import { type DatabaseKey, DatabaseKeyError, type DatabaseKeySource, newDatabaseKey, parseDatabaseKey } from './database-key';
import { fsyncFolderOf, writeFileDurably } from './durable-file';
import { databaseFileState } from './sqlite-header';

/** The default key file of a profile: beside its folder, never inside it, so copying the folder copies no key. */
export const defaultKeyFile = (profileDir: string): string => `${resolve(profileDir)}.db-key`;

const isInside = (file: string, dir: string): boolean => {
  const path = relative(resolve(dir), resolve(file));
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
};

/**
 * The browser shell's key (and the command-line tools'): MINSHENG_DB_KEY, or the file named by
 * MINSHENG_DB_KEY_FILE, or `<profile>.db-key` made on first start. It protects a profile folder that
 * is copied or backed up on its own; whoever can read the key file as the same user reads the data.
 */
export const fileDatabaseKey =
  (options: FileKeyOptions): DatabaseKeySource =>
  async () =>
    readOrCreateKeyFile(options);

interface FileKeyOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly profileDir: string;
}

/** Synchronous, for the command-line tools and test inspectors that open a profile directly. */
export const readOrCreateKeyFile = (options: FileKeyOptions & { readonly create?: boolean }): DatabaseKey => {
  const { env, profileDir } = options;
  const fromEnv = env.MINSHENG_DB_KEY?.trim();
  if (fromEnv) return parseDatabaseKey(fromEnv, '环境变量 MINSHENG_DB_KEY');
  const file = env.MINSHENG_DB_KEY_FILE?.trim() || defaultKeyFile(profileDir);
  if (isInside(file, profileDir)) {
    throw new DatabaseKeyError(`密钥文件 ${file} 位于配置目录之内：复制配置目录就会连同密钥一起复制。请放到配置目录之外。`);
  }
  if (existsSync(file)) {
    if (process.platform !== 'win32') chmodSync(file, 0o600);
    return parseDatabaseKey(readFileSync(file, 'utf8'), `密钥文件 ${file}`);
  }
  if (databaseFileState(databaseFile(profileDir)) === 'encrypted') {
    throw new DatabaseKeyError(
      `数据库已加密，但找不到它的密钥文件 ${file}：请恢复该文件，或用 MINSHENG_DB_KEY_FILE 指向它（新密钥打不开已有数据，因此不会自动生成）。`,
    );
  }
  const key = newDatabaseKey();
  try {
    // Exclusive: two consoles starting at once must not each write a key and keep different ones.
    writeFileDurably(file, `${key}\n`, true);
    fsyncFolderOf(file);
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return parseDatabaseKey(readFileSync(file, 'utf8'), `密钥文件 ${file}`);
    throw error;
  }
  return key;
};
