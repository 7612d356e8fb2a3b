import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKeyFile, readOrCreateKeyFile } from '../../../../main/db/encryption/key-file';
import { WRAPPED_KEY_FILE, type KeyWrapper, wrappedDatabaseKey } from '../../../../main/db/encryption/wrapped-key';
import { openDatabase } from '../../../../main/db/open-database';
import { databaseFile } from '../../../../main/profile/database-file';
import { useTempDirs } from '../../../harness/temp-dir';

const tempDir = useTempDirs();

const profileWithEncryptedDatabase = (key: string): string => {
  const profile = join(tempDir(), 'profile');
  mkdirSync(profile);
  openDatabase({ file: databaseFile(profile), key: key as never }).db.close();
  return profile;
};

describe('the browser shell’s database key (file or environment)', () => {
  it('is made once beside the profile, private to its owner, and the same on every start', () => {
    const profile = join(tempDir(), 'profile');
    const first = readOrCreateKeyFile({ env: {}, profileDir: profile });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readOrCreateKeyFile({ env: {}, profileDir: profile })).toBe(first);
    expect(existsSync(defaultKeyFile(profile))).toBe(true);
    expect(statSync(defaultKeyFile(profile)).mode & 0o077).toBe(0);
  });

  it('takes MINSHENG_DB_KEY or MINSHENG_DB_KEY_FILE, and refuses a malformed key with the place it came from', () => {
    const profile = join(tempDir(), 'profile');
    const key = 'AB'.repeat(32);
    expect(readOrCreateKeyFile({ env: { MINSHENG_DB_KEY: ` ${key}\n` }, profileDir: profile })).toBe(key.toLowerCase());
    expect(() => readOrCreateKeyFile({ env: { MINSHENG_DB_KEY: 'secret' }, profileDir: profile })).toThrow(
      /MINSHENG_DB_KEY.*64 位/,
    );
    const file = join(tempDir(), 'elsewhere.key');
    writeFileSync(file, 'not a key');
    expect(() => readOrCreateKeyFile({ env: { MINSHENG_DB_KEY_FILE: file }, profileDir: profile })).toThrow(/elsewhere\.key/);
  });

  it('refuses a key file inside the profile: copying the folder would copy the key', () => {
    const profile = join(tempDir(), 'profile');
    expect(() => readOrCreateKeyFile({ env: { MINSHENG_DB_KEY_FILE: join(profile, 'db.key') }, profileDir: profile })).toThrow(
      /配置目录之内/,
    );
  });

  it('never makes a new key for a database already encrypted: it says the key file is missing', () => {
    const profile = profileWithEncryptedDatabase('cd'.repeat(32));
    expect(() => readOrCreateKeyFile({ env: {}, profileDir: profile })).toThrow(/找不到它的密钥文件/);
    expect(existsSync(defaultKeyFile(profile))).toBe(false);
  });

  it('a wrong key is an error that names the cause, and the data is left as it was', () => {
    const profile = profileWithEncryptedDatabase('cd'.repeat(32));
    const before = readFileSync(databaseFile(profile));
    expect(() => openDatabase({ file: databaseFile(profile), key: 'ef'.repeat(32) as never })).toThrow(/密钥不正确/);
    expect(readFileSync(databaseFile(profile)).equals(before)).toBe(true);
  });
});

/** safeStorage's shape, with a reversible stand-in for the OS keychain. */
const fakeKeychain = (backend: string): KeyWrapper & { wrapped: number } => {
  const wrapper = {
    wrapped: 0,
    status: () =>
      backend === 'basic_text'
        ? { mode: 'unavailable' as const, detail: '系统密钥环不可用（basic_text）' }
        : { mode: 'os-keychain' as const, detail: backend },
    wrap: async (plain: string) => {
      wrapper.wrapped += 1;
      return Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a);
    },
    unwrap: async (wrapped: Uint8Array) => Buffer.from(Buffer.from(wrapped).map((byte) => byte ^ 0x5a)).toString('utf8'),
  };
  return wrapper;
};

describe('the app’s database key (wrapped by the OS keychain)', () => {
  it('is random, kept wrapped in the profile (never in clear), and unwrapped on the next start', async () => {
    const profile = join(tempDir(), 'profile');
    mkdirSync(profile);
    const keychain = fakeKeychain('gnome_libsecret');
    const key = await wrappedDatabaseKey({ profileDir: profile, wrapper: keychain })();
    expect(await wrappedDatabaseKey({ profileDir: profile, wrapper: keychain })()).toBe(key);
    expect(keychain.wrapped).toBe(1);
    expect(readFileSync(join(profile, WRAPPED_KEY_FILE)).toString('latin1')).not.toContain(key);
  });

  it('refuses Linux’s basic_text backend with instructions, and writes nothing', async () => {
    const profile = join(tempDir(), 'profile');
    mkdirSync(profile);
    await expect(wrappedDatabaseKey({ profileDir: profile, wrapper: fakeKeychain('basic_text') })()).rejects.toThrow(
      /无法加密本地数据库.*basic_text/,
    );
    expect(existsSync(join(profile, WRAPPED_KEY_FILE))).toBe(false);
  });

  it('takes over the key file of a profile the browser shell (or the demo seed) made, and removes the plain file', async () => {
    const profile = join(tempDir(), 'profile');
    mkdirSync(profile);
    const shellKey = readOrCreateKeyFile({ env: {}, profileDir: profile });
    openDatabase({ file: databaseFile(profile), key: shellKey }).db.close();
    const key = await wrappedDatabaseKey({ profileDir: profile, wrapper: fakeKeychain('gnome_libsecret') })();
    expect(key).toBe(shellKey);
    expect(existsSync(defaultKeyFile(profile))).toBe(false);
    expect(await wrappedDatabaseKey({ profileDir: profile, wrapper: fakeKeychain('gnome_libsecret') })()).toBe(shellKey);
  });

  it('never replaces a lost wrapped key while the database is encrypted', async () => {
    const profile = profileWithEncryptedDatabase('cd'.repeat(32));
    await expect(wrappedDatabaseKey({ profileDir: profile, wrapper: fakeKeychain('kwallet5') })()).rejects.toThrow(/缺失/);
  });
});
