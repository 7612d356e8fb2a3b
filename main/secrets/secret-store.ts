import type { SecretStorageStatus } from '../../preload/contract';
import type { DbClient } from '../db/db-client';

export type SecretName = 'sipPassword' | 'platformToken';

export interface SecretStore {
  status(): SecretStorageStatus;
  has(name: SecretName): Promise<boolean>;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  clear(name: SecretName): Promise<void>;
}

export class SecretStorageUnavailableError extends Error {
  readonly code = 'SECRET_STORAGE_UNAVAILABLE';
}

/** The browser shell has no OS keychain: secrets live as long as the process, never on disk. */
export const createMemorySecretStore = (): SecretStore => {
  const values = new Map<SecretName, string>();
  return {
    status: () => ({ mode: 'memory-only', detail: '浏览器模式：密码只保存在内存中，重启后需重新输入。' }),
    has: async (name) => values.has(name),
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void values.set(name, value),
    clear: async (name) => void values.delete(name),
  };
};

/** Asynchronous, as Electron 45's safeStorage is (its sync pair is deprecated): the main process never blocks on the keychain. */
export interface Cipher {
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(cipher: Uint8Array): Promise<string>;
}

/** Ciphertext in SQLite, key in the OS keychain (Electron safeStorage is the Cipher in the app). */
export const createEncryptedSecretStore = (options: {
  readonly db: DbClient;
  readonly cipher: Cipher;
  readonly status: () => SecretStorageStatus;
}): SecretStore => {
  const { db, cipher, status } = options;
  const requireUsable = (): void => {
    const current = status();
    if (current.mode !== 'os-keychain') throw new SecretStorageUnavailableError(current.detail);
  };
  return {
    status,
    has: async (name) => (await db.repos.secrets.read(name)) !== null,
    get: async (name) => {
      requireUsable();
      const stored = await db.repos.secrets.read(name);
      return stored ? await cipher.decrypt(stored) : null;
    },
    set: async (name, value) => {
      requireUsable();
      await db.repos.secrets.write(name, await cipher.encrypt(value));
    },
    clear: async (name) => db.repos.secrets.remove(name),
  };
};
