import { safeStorage } from 'electron';
import type { SecretStorageStatus } from '../../preload/contract';
import type { KeyWrapper } from '../db/encryption/wrapped-key';

/** The asynchronous pair (the sync one is deprecated in Electron 45) never blocks the main process on the keychain. */
export const safeStorageKeyWrapper = (status: () => SecretStorageStatus): KeyWrapper => ({
  status,
  wrap: (plain) => safeStorage.encryptStringAsync(plain),
  unwrap: async (wrapped) => (await safeStorage.decryptStringAsync(Buffer.from(wrapped))).result,
});
