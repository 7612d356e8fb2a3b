import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../../main/app/app-origin';
import { assessSecretBackend } from '../../../../main/secrets/domain/secret-backend';
import { buildCsp, configuredOrigins } from '../../../../main/security/csp';
import { decidePermission } from '../../../../main/security/permissions';

describe('content security policy', () => {
  const csp = buildCsp({
    extraConnect: configuredOrigins({
      pbxServers: ['wss://pbx1.example:7443/ws', 'wss://pbx1.example:7443/other'],
      platformUrl: 'https://platform.example/api',
    }),
  });
  const directive = (name: string) => csp.split('; ').find((part) => part.startsWith(`${name} `));

  it('allows scripts only from our own origin, never eval or inline', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(directive('default-src')).toBe("default-src 'none'");
    expect(directive('object-src')).toBe("object-src 'none'");
  });

  it('lets the page connect only to itself and the configured PBX and platform origins, each once', () => {
    expect(directive('connect-src')).toBe("connect-src 'self' https://platform.example wss://pbx1.example:7443");
  });

  it('grants no remote origin when nothing is configured', () => {
    expect(buildCsp({ extraConnect: configuredOrigins({ pbxServers: [], platformUrl: '' }) })).toContain("connect-src 'self';");
  });
});

describe('permission decisions', () => {
  const app = 'minsheng://desk';
  it('grant the microphone to our origin but not the camera', () => {
    expect(decidePermission({ permission: 'media', requestingOrigin: app, appOrigin: app, mediaTypes: ['audio'] })).toBe(true);
    expect(decidePermission({ permission: 'media', requestingOrigin: app, appOrigin: app, mediaTypes: ['audio', 'video'] })).toBe(
      false,
    );
    expect(decidePermission({ permission: 'media', requestingOrigin: app, appOrigin: app, mediaTypes: [] })).toBe(false);
  });
  it('grant HID to our origin only and refuse unrelated permissions', () => {
    expect(decidePermission({ permission: 'hid', requestingOrigin: app, appOrigin: app })).toBe(true);
    expect(decidePermission({ permission: 'hid', requestingOrigin: 'https://evil.example', appOrigin: app })).toBe(false);
    expect(decidePermission({ permission: 'geolocation', requestingOrigin: app, appOrigin: app })).toBe(false);
    expect(
      decidePermission({ permission: 'media', requestingOrigin: 'https://evil.example', appOrigin: app, mediaTypes: ['audio'] }),
    ).toBe(false);
  });
});

describe('app origin check used for IPC senders', () => {
  it.each([
    ['minsheng://desk/index.html', true],
    ['minsheng://desk/', true],
    ['minsheng://other/index.html', false],
    ['https://desk/index.html', false],
    ['file:///opt/minsheng/index.html', false],
    ['not a url', false],
    [undefined, false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('secret backend assessment', () => {
  it('refuses Linux basic_text and an unknown backend with a fix the admin can apply', () => {
    expect(assessSecretBackend({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' })).toMatchObject({
      mode: 'unavailable',
      detail: expect.stringMatching(/basic_text.*gnome-keyring/),
    });
    expect(assessSecretBackend({ platform: 'linux', encryptionAvailable: true })).toMatchObject({ mode: 'unavailable' });
  });
  it('accepts a real keyring on Linux and DPAPI on Windows', () => {
    expect(assessSecretBackend({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'gnome_libsecret' }).mode).toBe(
      'os-keychain',
    );
    expect(assessSecretBackend({ platform: 'win32', encryptionAvailable: true }).mode).toBe('os-keychain');
  });
  it('refuses when encryption is unavailable at all', () => {
    expect(assessSecretBackend({ platform: 'win32', encryptionAvailable: false }).mode).toBe('unavailable');
  });
});
