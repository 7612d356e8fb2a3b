import type { SecretStorageStatus } from '../../../preload/contract';

export interface SafeStorageFacts {
  readonly platform: string;
  readonly encryptionAvailable: boolean;
  /** Electron's safeStorage.getSelectedStorageBackend(), Linux only. */
  readonly linuxBackend?: string;
}

/**
 * On Linux without a keyring (common on fresh UOS/Kylin installs), Electron falls back to the
 * `basic_text` backend: a hard-coded key, i.e. plain text with extra steps. We refuse it and say how
 * to fix it, rather than pretend the SIP password is protected.
 */
export const assessSecretBackend = (facts: SafeStorageFacts): SecretStorageStatus => {
  if (!facts.encryptionAvailable) {
    return { mode: 'unavailable', detail: '系统未提供加密存储，密码不会被保存。请联系 IT 管理员启用系统密钥环。' };
  }
  if (facts.platform === 'linux') {
    const backend = facts.linuxBackend ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') {
      return {
        mode: 'unavailable',
        detail: `系统密钥环不可用（${backend}），拒绝以明文保存密码。请安装并解锁 gnome-keyring 或 KWallet 后重启坐席。`,
      };
    }
    return { mode: 'os-keychain', detail: `系统密钥环：${backend}` };
  }
  return { mode: 'os-keychain', detail: facts.platform === 'win32' ? 'Windows DPAPI' : '系统钥匙串' };
};
