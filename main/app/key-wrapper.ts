import { safeStorage } from 'electron';
import type { SecretStorageStatus } from '../../preload/contract';
import type { KeyWrapper } from '../db/encryption/wrapped-key';

/** Newer Electron lines add these (they do not block the main process on the keychain); 41 has only the sync pair. */
interface AsyncSafeStorage {
  encryptStringAsync(plain: string): Promise<Buffer>;
  decryptStringAsync(wrapped: Buffer): Promise<{ result: string } | string>;
}

export const safeStorageKeyWrapper = (status: () => SecretStorageStatus): KeyWrapper => {
  const asyncApi = safeStorage as unknown as Partial<AsyncSafeStorage>;
  return {
    status,
    wrap: async (plain) => (asyncApi.encryptStringAsync ? asyncApi.encryptStringAsync(plain) : safeStorage.encryptString(plain)),
    unwrap: async (wrapped) => {
      if (!asyncApi.decryptStringAsync) return safeStorage.decryptString(Buffer.from(wrapped));
      const answer = await asyncApi.decryptStringAsync(Buffer.from(wrapped));
      return typeof answer === 'string' ? answer : answer.result;
    },
  };
};
