import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStorageStatus } from '../../../preload/contract';
import { databaseFile } from '../../profile/database-file';
import { DatabaseKeyError, type DatabaseKeySource, newDatabaseKey, parseDatabaseKey } from './database-key';
import { fsyncFolderOf, writeFileDurably } from './durable-file';
import { defaultKeyFile } from './key-file';
import { databaseFileState } from './sqlite-header';

/** Electron's safeStorage, asynchronous where the Electron version offers it. */
export interface KeyWrapper {
  status(): SecretStorageStatus;
  wrap(plain: string): Promise<Uint8Array>;
  unwrap(wrapped: Uint8Array): Promise<string>;
}

export const WRAPPED_KEY_FILE = 'database-key.wrapped';

/**
 * The app's key: random, wrapped by the OS keychain (DPAPI, gnome-keyring, KWallet) and kept in the
 * profile, so the copied folder is useless without this user's keychain. Linux's `basic_text`
 * backend wraps with a constant key: refused, as for the SIP password.
 */
export const wrappedDatabaseKey =
  (options: { readonly profileDir: string; readonly wrapper: KeyWrapper }): DatabaseKeySource =>
  async () => {
    const { profileDir, wrapper } = options;
    const status = wrapper.status();
    if (status.mode !== 'os-keychain') {
      throw new DatabaseKeyError(`无法加密本地数据库，坐席不会以明文保存市民信息。${status.detail}`);
    }
    const file = join(profileDir, WRAPPED_KEY_FILE);
    if (existsSync(file)) {
      const plain = await wrapper.unwrap(readFileSync(file)).catch((error: unknown) => {
        throw new DatabaseKeyError(
          `系统密钥环无法解开数据库密钥（${String(error).slice(0, 80)}）：请以创建该配置的系统用户登录。`,
        );
      });
      return parseDatabaseKey(plain, WRAPPED_KEY_FILE);
    }
    // A profile first used by the browser shell or seeded by `npm start` has its key in a file beside
    // it: the app takes it over (wrapped from now on) and removes the plain copy.
    const shellKeyFile = defaultKeyFile(profileDir);
    if (existsSync(shellKeyFile)) {
      const key = parseDatabaseKey(readFileSync(shellKeyFile, 'utf8'), shellKeyFile);
      writeWrapped(file, await wrapper.wrap(key));
      rmSync(shellKeyFile);
      return key;
    }
    if (databaseFileState(databaseFile(profileDir)) === 'encrypted') {
      throw new DatabaseKeyError(
        `数据库已加密，但 ${WRAPPED_KEY_FILE} 缺失：请从备份恢复该文件（新密钥打不开已有数据，因此不会自动生成）。`,
      );
    }
    const key = newDatabaseKey();
    writeWrapped(file, await wrapper.wrap(key));
    return key;
  };

const writeWrapped = (file: string, wrapped: Uint8Array): void => {
  const temporary = `${file}.new`;
  writeFileDurably(temporary, wrapped);
  renameSync(temporary, file);
  fsyncFolderOf(file);
};
