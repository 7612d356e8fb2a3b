import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type DebContents,
  uosDesktopEntry,
  uosInfo,
  uosLauncher,
  uosLayoutProblems,
  uosVersion,
} from '../../../scripts/uos/uos-layout';

const app = {
  appId: 'cn.gov.hotline12345.minsheng-desk',
  name: '民声坐席',
  version: '0.1.0',
  debArch: 'amd64',
  executable: 'minsheng-desk',
};
const root = 'opt/apps/cn.gov.hotline12345.minsheng-desk';
const conforming: DebContents = {
  files: [
    { path: '', mode: 'drwxr-xr-x' },
    { path: 'opt/', mode: 'drwxr-xr-x' },
    { path: 'opt/apps/', mode: 'drwxr-xr-x' },
    { path: `${root}/`, mode: 'drwxr-xr-x' },
    { path: `${root}/entries/applications/`, mode: 'drwxr-xr-x' },
    { path: `${root}/entries/applications/${app.appId}.desktop`, mode: '-rw-r--r--' },
    { path: `${root}/entries/icons/hicolor/256x256/apps/${app.appId}.png`, mode: '-rw-r--r--' },
    { path: `${root}/files/`, mode: 'drwxr-xr-x' },
    { path: `${root}/files/bin/minsheng-desk`, mode: '-rwxr-xr-x' },
    { path: `${root}/files/minsheng-desk`, mode: '-rwxr-xr-x' },
    { path: `${root}/files/chrome-sandbox`, mode: '-rwxr-xr-x' },
    { path: `${root}/info`, mode: '-rw-r--r--' },
  ],
  controlFiles: ['control', 'md5sums'],
  control: `Package: ${app.appId}\nVersion: 0.1.0.0\nArchitecture: amd64\n`,
  info: uosInfo(app),
  desktopEntry: uosDesktopEntry(app, '12345 坐席'),
};

describe('the UOS app store layout', () => {
  it('accepts the repacked layout: everything under /opt/apps/<appid>, entries, files, info, no scripts', () => {
    expect(uosLayoutProblems(conforming, app)).toEqual([]);
    expect(JSON.parse(uosInfo(app))).toMatchObject({ appid: app.appId, version: '0.1.0.0', arch: ['amd64'] });
    expect(uosVersion('1.2.3-beta.4')).toBe('1.2.3.4');
  });

  it('names what electron-builder’s deb does that the store forbids', () => {
    const problems = uosLayoutProblems(
      {
        ...conforming,
        files: [
          ...conforming.files.filter((file) => !file.path.includes('chrome-sandbox')),
          { path: 'opt/MinshengDesk/chrome-sandbox', mode: '-rwsr-xr-x' },
          { path: 'usr/share/applications/minsheng-desk.desktop', mode: '-rw-r--r--' },
        ],
        controlFiles: ['control', 'postinst', 'postrm'],
        control: 'Package: minsheng-desk\nArchitecture: amd64\n',
        info: '{"appid":"cn.gov.hotline12345.minsheng-desk","version":"0.1.0","arch":["amd64"],"permissions":{}}',
        desktopEntry: '[Desktop Entry]\nExec=/opt/MinshengDesk/minsheng-desk %U\n',
      },
      app,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        '文件不在 /opt/apps/cn.gov.hotline12345.minsheng-desk/ 下：/opt/MinshengDesk/chrome-sandbox',
        'setuid/setgid 文件：/opt/MinshengDesk/chrome-sandbox（-rwsr-xr-x）',
        '文件不在 /opt/apps/cn.gov.hotline12345.minsheng-desk/ 下：/usr/share/applications/minsheng-desk.desktop',
        '含维护脚本 DEBIAN/postinst：商店禁止安装脚本修改系统',
        '含维护脚本 DEBIAN/postrm：商店禁止安装脚本修改系统',
        'control 的 Package 为 minsheng-desk，应为 cn.gov.hotline12345.minsheng-desk',
        'info 的 version 应为 MAJOR.MINOR.PATCH.BUILD（全为数字）：0.1.0',
        'desktop 文件的 Exec 不在 /opt/apps/cn.gov.hotline12345.minsheng-desk/files/ 下：/opt/MinshengDesk/minsheng-desk',
      ]),
    );
    expect(uosLayoutProblems({ ...conforming, info: 'not json', desktopEntry: null }, app)).toEqual([
      'info 不是合法的 JSON',
      `缺少 /${root}/entries/applications/${app.appId}.desktop`,
    ]);
  });

  it('the launcher refuses to start the console when the kernel gives no user namespaces, and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-uos-launcher-'));
    try {
      writeFileSync(join(dir, 'unshare'), '#!/bin/sh\nexit 1\n');
      chmodSync(join(dir, 'unshare'), 0o755);
      writeFileSync(join(dir, 'launcher'), uosLauncher(app));
      chmodSync(join(dir, 'launcher'), 0o755);
      const run = spawnSync(join(dir, 'launcher'), [], { encoding: 'utf8', env: { PATH: `${dir}:/usr/bin:/bin` } });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('民声坐席无法启动：系统未开启非特权用户命名空间');
      expect(run.stderr).toContain('不会在没有沙箱的情况下运行');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
