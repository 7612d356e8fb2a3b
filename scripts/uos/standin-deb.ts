import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A deb laid out the way electron-builder's deb target lays it out (its FpmTarget: the app in
 * /opt/<productName>, the desktop entry in /usr/share/applications, icons in /usr/share/icons/hicolor,
 * the afterInstall script as postinst), built with dpkg-deb because electron-builder's deb target needs
 * fpm, which it downloads. A stand-in for the repack's input, so the repack and the UOS check run here;
 * chrome-sandbox is made setuid in it, as electron-builder's default postinst does on kernels without
 * user namespaces — the worst case the repack must undo.
 */
export const buildElectronBuilderLikeDeb = (options: {
  readonly appDir: string;
  readonly productName: string;
  readonly executable: string;
  readonly displayName: string;
  readonly version: string;
  readonly debArch: string;
  readonly depends: readonly string[];
  readonly iconsDir: string;
  readonly postinst: string;
  readonly outputDir: string;
}): string => {
  const work = mkdtempSync(join(tmpdir(), 'minsheng-deb-'));
  try {
    const app = join(work, 'opt', options.productName);
    cpSync(options.appDir, app, { recursive: true });
    const sandbox = join(app, 'chrome-sandbox');
    if (existsSync(sandbox)) chmodSync(sandbox, 0o4755);
    mkdirSync(join(work, 'usr', 'share', 'applications'), { recursive: true });
    writeFileSync(
      join(work, 'usr', 'share', 'applications', `${options.executable}.desktop`),
      `[Desktop Entry]\nName=${options.displayName}\nExec=/opt/${options.productName}/${options.executable} %U\nTerminal=false\nType=Application\nIcon=${options.executable}\nCategories=Office;\n`,
    );
    for (const size of ['256x256', '512x512']) {
      const icon = join(options.iconsDir, `${size}.png`);
      if (!existsSync(icon)) continue;
      const target = join(work, 'usr', 'share', 'icons', 'hicolor', size, 'apps');
      mkdirSync(target, { recursive: true });
      copyFileSync(icon, join(target, `${options.executable}.png`));
    }
    mkdirSync(join(work, 'DEBIAN'));
    writeFileSync(
      join(work, 'DEBIAN', 'control'),
      `Package: ${options.executable}\nVersion: ${options.version}\nArchitecture: ${options.debArch}\nMaintainer: Minsheng Desk team\nDepends: ${options.depends.join(', ')}\nDescription: ${options.displayName}\n`,
    );
    copyFileSync(options.postinst, join(work, 'DEBIAN', 'postinst'));
    chmodSync(join(work, 'DEBIAN', 'postinst'), 0o755);
    mkdirSync(options.outputDir, { recursive: true });
    const file = join(options.outputDir, `${options.executable}_${options.version}_${options.debArch}.deb`);
    const built = spawnSync('dpkg-deb', ['--root-owner-group', '-Znone', '-b', work, file], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`dpkg-deb -b 失败：${built.stderr}`);
    return file;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
