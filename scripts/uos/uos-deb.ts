import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { type DebContents, type UosApp, UOS_ROOT, uosDesktopEntry, uosInfo, uosLauncher, uosVersion } from './uos-layout';

/** dpkg-deb does the archive work: it is on every Debian, UOS and Kylin machine. */
const dpkgDeb = (args: string[], input?: string): string => {
  const run = spawnSync('dpkg-deb', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(input ? { input } : {}) });
  if (run.error) throw new Error(`dpkg-deb 不可用：${run.error.message}`);
  if (run.status !== 0) throw new Error(`dpkg-deb ${args[0]} 失败：${run.stderr.trim().slice(0, 400)}`);
  return run.stdout;
};

const walkFiles = (root: string): string[] => {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk(root);
  return found;
};

const controlField = (control: string, name: string): string | undefined =>
  new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(control)?.[1]?.trim();

/**
 * electron-builder's deb (/opt/<productName>, /usr/share/applications, /usr/share/icons, a postinst
 * that links /usr/bin and may set chrome-sandbox setuid) made into a store-conformant one: the app in
 * files/, the desktop entry and icons in entries/ under the app id, an info file, the launcher that
 * refuses to run without the sandbox, no maintainer scripts and no setuid bit. The headset udev rule
 * goes into files/udev/ for IT to install (the store does not let a package write /etc).
 */
export const repackForUos = (options: {
  readonly inputDeb: string;
  readonly outputDir: string;
  readonly app: Omit<UosApp, 'version' | 'debArch'>;
  readonly comment: string;
  readonly udevRule?: string;
}): { readonly file: string; readonly app: UosApp } => {
  const work = mkdtempSync(join(tmpdir(), 'minsheng-uos-'));
  try {
    const unpacked = join(work, 'in');
    dpkgDeb(['-R', options.inputDeb, unpacked]);
    const control = readFileSync(join(unpacked, 'DEBIAN', 'control'), 'utf8');
    const app: UosApp = {
      ...options.app,
      version: controlField(control, 'Version') ?? '0.0.0',
      debArch: controlField(control, 'Architecture') ?? 'amd64',
    };
    const optDir = join(unpacked, 'opt');
    const [productDir] = existsSync(optDir) ? readdirSync(optDir).filter((name) => name !== 'apps') : [];
    if (!productDir) throw new Error('输入的 deb 中没有 /opt/<产品名>：不是 electron-builder 生成的 deb');

    const out = join(work, 'out');
    const root = join(out, UOS_ROOT(app.appId).slice(1));
    mkdirSync(join(root, 'entries', 'applications'), { recursive: true });
    mkdirSync(join(out, 'DEBIAN'), { recursive: true });
    renameSync(join(optDir, productDir), join(root, 'files'));
    const sandbox = join(root, 'files', 'chrome-sandbox');
    if (existsSync(sandbox)) chmodSync(sandbox, 0o755);

    const icons = join(unpacked, 'usr', 'share', 'icons');
    if (existsSync(icons))
      for (const icon of walkFiles(icons)) {
        const inside = relative(icons, icon);
        const renamed = join(root, 'entries', 'icons', inside.replace(/[^/]+(\.\w+)$/, `${app.appId}$1`));
        mkdirSync(join(renamed, '..'), { recursive: true });
        cpSync(icon, renamed);
      }
    writeFileSync(join(root, 'entries', 'applications', `${app.appId}.desktop`), uosDesktopEntry(app, options.comment));
    mkdirSync(join(root, 'files', 'bin'), { recursive: true });
    writeFileSync(join(root, 'files', 'bin', app.executable), uosLauncher(app), { mode: 0o755 });
    if (options.udevRule) {
      mkdirSync(join(root, 'files', 'udev'), { recursive: true });
      writeFileSync(join(root, 'files', 'udev', basename(options.udevRule)), readFileSync(options.udevRule));
    }
    writeFileSync(join(root, 'info'), uosInfo(app));

    const kept = control
      .split('\n')
      .filter((line) => line.trim() !== '' && !/^(Package|Version|Installed-Size):/.test(line))
      .join('\n');
    const sizeKb = Math.ceil(walkFiles(out).reduce((sum, file) => sum + statSync(file).size, 0) / 1024);
    writeFileSync(
      join(out, 'DEBIAN', 'control'),
      `Package: ${app.appId}\nVersion: ${uosVersion(app.version)}\nInstalled-Size: ${sizeKb}\n${kept}\n`,
    );
    const md5sums = walkFiles(out)
      .filter((file) => !file.startsWith(join(out, 'DEBIAN')))
      .map((file) => `${createHash('md5').update(readFileSync(file)).digest('hex')}  ${relative(out, file)}`)
      .join('\n');
    writeFileSync(join(out, 'DEBIAN', 'md5sums'), `${md5sums}\n`);

    mkdirSync(options.outputDir, { recursive: true });
    const file = join(options.outputDir, `${app.appId}_${uosVersion(app.version)}_${app.debArch}.deb`);
    dpkgDeb(['--root-owner-group', '-Zgzip', '-b', out, file]);
    return { file, app };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

/** What the check needs from a deb, read with dpkg-deb only (nothing is installed). */
export const readDebContents = (debPath: string, appId: string): DebContents => {
  const files = dpkgDeb(['-c', debPath])
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [mode = '', , , , , ...rest] = line.split(/\s+/);
      const path = rest
        .join(' ')
        .replace(/ -> .*$/, '')
        .replace(/^\.\//, '');
      return { path, mode };
    });
  const controlDir = mkdtempSync(join(tmpdir(), 'minsheng-uos-control-'));
  try {
    dpkgDeb(['-e', debPath, controlDir]);
    const controlFiles = readdirSync(controlDir);
    const control = readFileSync(join(controlDir, 'control'), 'utf8');
    const extract = (path: string): string | null => {
      if (!files.some((file) => file.path === path.slice(1))) return null;
      const fsys = spawnSync('dpkg-deb', ['--fsys-tarfile', debPath], { maxBuffer: 512 * 1024 * 1024 });
      const member = spawnSync('tar', ['-xO', `.${path}`], { input: fsys.stdout, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      return member.status === 0 ? member.stdout : null;
    };
    return {
      files,
      controlFiles,
      control,
      info: extract(`${UOS_ROOT(appId)}/info`),
      desktopEntry: extract(`${UOS_ROOT(appId)}/entries/applications/${appId}.desktop`),
    };
  } finally {
    rmSync(controlDir, { recursive: true, force: true });
  }
};
