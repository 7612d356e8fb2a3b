import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfileDir } from '../../../../main/profile/profile-dir';
import { readStaticFile } from '../../../../main/shell/static-files';
import { useTempDirs } from '../../../harness/temp-dir';

const tempDir = useTempDirs();

describe('static renderer files', () => {
  it('serves index.html for / and assets with their content type', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<html></html>');
    writeFileSync(join(root, 'assets', 'a.js'), 'export {}');
    expect((await readStaticFile(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await readStaticFile(root, '/assets/a.js?v=1'))?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    const parent = tempDir();
    const root = join(parent, 'renderer');
    mkdirSync(root);
    writeFileSync(join(parent, 'secret.txt'), 'do not serve');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%E0%A4%A']) {
      expect(await readStaticFile(root, path), path).toBeNull();
    }
  });

  it('does not follow a symlink that points out of the renderer folder', async () => {
    const parent = tempDir();
    const root = join(parent, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(parent, 'secret.txt'), 'do not serve');
    writeFileSync(join(root, 'assets', 'real.js'), 'export {}');
    symlinkSync(join(parent, 'secret.txt'), join(root, 'assets', 'leak.js'));
    symlinkSync(parent, join(root, 'up'));
    symlinkSync(join(root, 'assets', 'real.js'), join(root, 'assets', 'alias.js'));
    expect(await readStaticFile(root, '/assets/leak.js')).toBeNull();
    expect(await readStaticFile(root, '/up/secret.txt')).toBeNull();
    expect((await readStaticFile(root, '/assets/alias.js'))?.body.toString()).toBe('export {}');
  });
});

describe('default profile folder', () => {
  it('prefers MINSHENG_PROFILE, then the platform app-data folder', () => {
    expect(defaultProfileDir({ MINSHENG_PROFILE: '/data/desk' }, 'linux', '/home/a')).toBe('/data/desk');
    expect(defaultProfileDir({}, 'linux', '/home/a')).toBe('/home/a/.config/minsheng-desk');
    expect(defaultProfileDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/a')).toBe('/xdg/minsheng-desk');
    expect(defaultProfileDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32', 'C:/Users/a')).toBe(
      'C:/Users/a/AppData/Roaming/minsheng-desk',
    );
  });
});
