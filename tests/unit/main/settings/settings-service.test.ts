import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openProfileDb } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { CallContext, Settings } from '../../../../preload/contract';
import { type Cipher, createEncryptedSecretStore } from '../../../../main/secrets/secret-store';
import { defaultSettings } from '../../../../main/settings/domain/settings-defaults';
import { useTempDirs } from '../../../harness/temp-dir';
import { startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

const configured: Settings = {
  pbxServers: ['wss://pbx1.sz.example:7443/ws', 'wss://pbx2.sz.example:7443/ws'],
  sipExtension: '8001',
  sipAuthUser: 'agent8001',
  displayName: '张坐席',
  platformUrl: 'https://platform.sz.example',
  centreCode: '320505',
  agentId: 'SZ-0042',
  retentionDays: 180,
  idleLockMinutes: 10,
  fieldCipher: 'none',
};

/** Stands in for safeStorage: reversible, and the plain text never appears in its output. */
const fakeKeychain: Cipher = {
  encrypt: async (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
  decrypt: async (cipher) => Buffer.from(Buffer.from(cipher).map((byte) => byte ^ 0x5a)).toString('utf8'),
};

const filesOf = (dir: string): string =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');

describe('settings through the contract', () => {
  it('are saved, survive a restart and are announced as an event', async () => {
    const profile = tempDir();
    const first = await startTestServices(profile);
    const seen: unknown[] = [];
    first.events.subscribe((event, payload) => seen.push({ event, payload }));
    const saved = await first.dispatch('settings.save', configured, context);
    expect(saved).toMatchObject({ ok: true, value: { settings: configured } });
    // Other events (the headset's status on a PC without libusb) may arrive meanwhile.
    expect(seen.filter((seenEvent) => (seenEvent as { event: string }).event === 'settings.changed')).toEqual([
      { event: 'settings.changed', payload: expect.objectContaining({ settings: configured }) },
    ]);
    await first.close();

    const second = await startTestServices(profile);
    expect(await second.dispatch('settings.get', undefined, context)).toMatchObject({
      ok: true,
      value: { settings: configured },
    });
    await second.close();
  });

  it('start from the empty default profile', async () => {
    const services = await startTestServices(tempDir());
    expect(await services.dispatch('settings.get', undefined, context)).toMatchObject({
      ok: true,
      value: { settings: defaultSettings, sipPasswordStored: false, secretStorage: { mode: 'memory-only' } },
    });
    await services.close();
  });

  it('keep every valid value when one stored value is damaged', async () => {
    const profile = tempDir();
    const services = await startTestServices(profile);
    await services.dispatch('settings.save', configured, context);
    await services.close();
    const db = openProfileDb(profile);
    db.prepare("UPDATE settings SET value_json = '\"not a url\"' WHERE key = 'platformUrl'").run();
    db.prepare("UPDATE settings SET value_json = '{broken' WHERE key = 'agentId'").run();
    db.close();

    const reopened = await startTestServices(profile);
    expect(await reopened.dispatch('settings.get', undefined, context)).toMatchObject({
      ok: true,
      value: { settings: { ...configured, platformUrl: '', agentId: '' } },
    });
    await reopened.close();
  });

  it('keep the SIP password in memory only in the browser shell: never on disk, gone after restart', async () => {
    const profile = tempDir();
    const logFile = join(profile, 'logs', 'desk.log');
    const services = await startTestServices(profile, { logFile });
    await services.dispatch('settings.save', configured, context);
    const stored = await services.dispatch('settings.saveSipPassword', { password: 'Sip#Secret-8001' }, context);
    expect(stored).toMatchObject({ ok: true, value: { sipPasswordStored: true } });
    await services.close();
    expect(filesOf(profile)).not.toContain('Sip#Secret-8001');
    expect(readFileSync(logFile, 'utf8')).toContain('settings.sip-secret-stored');

    const restarted = await startTestServices(profile);
    expect(await restarted.dispatch('settings.get', undefined, context)).toMatchObject({
      ok: true,
      value: { sipPasswordStored: false },
    });
    await restarted.close();
  });

  it('store only ciphertext when an OS keychain is available, and read it back after restart', async () => {
    const profile = tempDir();
    const keychain = (db: Parameters<typeof createEncryptedSecretStore>[0]['db']) =>
      createEncryptedSecretStore({ db, cipher: fakeKeychain, status: () => ({ mode: 'os-keychain', detail: 'test' }) });
    const services = await startTestServices(profile, { secrets: keychain });
    await services.dispatch('settings.saveSipPassword', { password: 'Sip#Secret-8001' }, context);
    await services.close();
    expect(filesOf(profile)).not.toContain('Sip#Secret-8001');

    const restarted = await startTestServices(profile, { secrets: keychain });
    expect(await restarted.dispatch('settings.get', undefined, context)).toMatchObject({
      ok: true,
      value: { sipPasswordStored: true },
    });
    const cleared = await restarted.dispatch('settings.clearSipPassword', undefined, context);
    expect(cleared).toMatchObject({ ok: true, value: { sipPasswordStored: false } });
    await restarted.close();
  });

  it('refuse to store a password when the keychain is plain text (basic_text), saying why', async () => {
    const profile = tempDir();
    const services = await startTestServices(profile, {
      secrets: (db) =>
        createEncryptedSecretStore({
          db,
          cipher: fakeKeychain,
          status: () => ({ mode: 'unavailable', detail: '系统密钥环不可用（basic_text），拒绝以明文保存密码。' }),
        }),
    });
    const result = await services.dispatch('settings.saveSipPassword', { password: 'Sip#Secret-8001' }, context);
    expect(result).toEqual({
      ok: false,
      error: { code: 'SECRET_STORAGE_UNAVAILABLE', message: '系统密钥环不可用（basic_text），拒绝以明文保存密码。' },
    });
    expect(await services.db.repos.secrets.names()).toEqual([]);
    await services.close();
  });

  it('refuse a plain-http platform address unless it is this PC, saying to use https', async () => {
    const services = await startTestServices(tempDir());
    for (const platformUrl of ['http://platform.sz.example', 'http://10.1.2.3:8080/api', 'http://127.0.0.1.evil.example']) {
      expect(await services.dispatch('settings.save', { ...configured, platformUrl }, context)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('https://') },
      });
    }
    for (const platformUrl of ['http://127.0.0.1:5800', 'http://localhost:5800/', 'https://platform.sz.example'])
      expect(await services.dispatch('settings.save', { ...configured, platformUrl }, context)).toMatchObject({ ok: true });
    await services.close();
  });
});
