/**
 * The UOS app store's package layout (统信 UOS 应用商店打包规范): every installed file under
 * /opt/apps/<appid>/ — entries/ (desktop entry, icons), files/ (the app), info (JSON) — and no
 * maintainer script that changes the system. Pure functions: the repack and the check share them.
 */
export interface UosApp {
  /** Reverse-domain id; also the Debian package name. */
  readonly appId: string;
  readonly name: string;
  readonly version: string;
  /** Debian architecture: amd64, arm64. */
  readonly debArch: string;
  readonly executable: string;
}

export const UOS_ROOT = (appId: string): string => `/opt/apps/${appId}`;

/** The store wants MAJOR.MINOR.PATCH.BUILD, all numbers. */
export const uosVersion = (version: string): string => {
  const numbers = version.split(/[.+-]/).filter((part) => /^\d+$/.test(part));
  return [...numbers, '0', '0', '0', '0'].slice(0, 4).join('.');
};

export const uosInfo = (app: UosApp): string =>
  `${JSON.stringify(
    {
      appid: app.appId,
      name: app.name,
      version: uosVersion(app.version),
      arch: [app.debArch],
      // A softphone records the headset microphone and shows call notifications; nothing else.
      permissions: {
        autostart: false,
        notification: true,
        trayicon: false,
        clipboard: false,
        account: false,
        bluetooth: false,
        camera: false,
        audio_record: true,
        installed_apps: false,
      },
    },
    null,
    2,
  )}\n`;

export const uosDesktopEntry = (app: UosApp, comment: string): string =>
  [
    '[Desktop Entry]',
    `Name=${app.name}`,
    `Comment=${comment}`,
    `Exec=${UOS_ROOT(app.appId)}/files/bin/${app.executable} %U`,
    `Icon=${app.appId}`,
    'Terminal=false',
    'Type=Application',
    'Categories=Office;',
    `StartupWMClass=${app.executable}`,
    '',
  ].join('\n');

/**
 * The launcher the desktop entry runs. Without a setuid chrome-sandbox (the store forbids setting it)
 * Chromium's sandbox needs unprivileged user namespaces; where the kernel refuses them the console
 * says so and does not start, rather than start without its sandbox.
 */
export const uosLauncher = (app: UosApp): string => `#!/bin/sh
# 民声坐席 launcher (UOS store package): the Chromium sandbox must work, or the console does not start.
if ! unshare --user true 2>/dev/null; then
  message='民声坐席无法启动：系统未开启非特权用户命名空间（user namespaces），Chromium 沙箱无法运行。请联系 IT 管理员开启（例如 sysctl kernel.unprivileged_userns_clone=1），坐席不会在没有沙箱的情况下运行。'
  echo "$message" >&2
  command -v notify-send >/dev/null 2>&1 && notify-send '民声坐席' "$message"
  exit 1
fi
exec ${UOS_ROOT(app.appId)}/files/${app.executable} "$@"
`;

export interface DebContents {
  /** Paths of the payload as dpkg-deb lists them, without the leading "./", with their mode string. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly mode: string }>;
  /** Names in the control archive: control, md5sums, postinst … */
  readonly controlFiles: readonly string[];
  readonly control: string;
  readonly info: string | null;
  readonly desktopEntry: string | null;
}

const MAINTAINER_SCRIPTS = ['preinst', 'postinst', 'prerm', 'postrm', 'config', 'triggers'];

/** Each way the package breaks the store's rules, in words; empty when it conforms. */
export const uosLayoutProblems = (contents: DebContents, app: UosApp): string[] => {
  const problems: string[] = [];
  const root = UOS_ROOT(app.appId).slice(1);
  for (const file of contents.files) {
    const path = file.path.replace(/\/$/, '');
    const isAncestor = `${root}/`.startsWith(`${path}/`) || path === '';
    if (!isAncestor && !path.startsWith(`${root}/`) && path !== root) problems.push(`文件不在 /${root}/ 下：/${path}`);
    if (/^-..[sS]|^-.....[sS]/.test(file.mode)) problems.push(`setuid/setgid 文件：/${path}（${file.mode}）`);
  }
  for (const script of contents.controlFiles.filter((name) => MAINTAINER_SCRIPTS.includes(name)))
    problems.push(`含维护脚本 DEBIAN/${script}：商店禁止安装脚本修改系统`);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(contents.control)?.[1]?.trim();
  if (field('Package') !== app.appId) problems.push(`control 的 Package 为 ${field('Package')}，应为 ${app.appId}`);
  if (field('Architecture') !== app.debArch)
    problems.push(`control 的 Architecture 为 ${field('Architecture')}，应为 ${app.debArch}`);
  const has = (relative: string) => contents.files.some((file) => file.path.replace(/\/$/, '') === `${root}/${relative}`);
  for (const wanted of ['entries/applications', 'files', `files/bin/${app.executable}`, `files/${app.executable}`])
    if (!has(wanted)) problems.push(`缺少 /${root}/${wanted}`);
  if (
    !contents.files.some(
      (file) => file.path.startsWith(`${root}/entries/icons/hicolor/`) && file.path.includes(`/apps/${app.appId}.`),
    )
  )
    problems.push(`缺少图标 /${root}/entries/icons/hicolor/*/apps/${app.appId}.*`);
  if (contents.info === null) problems.push(`缺少 /${root}/info`);
  else {
    try {
      const info = JSON.parse(contents.info) as { appid?: unknown; version?: unknown; arch?: unknown; permissions?: unknown };
      if (info.appid !== app.appId) problems.push(`info 的 appid 为 ${String(info.appid)}，应为 ${app.appId}`);
      if (typeof info.version !== 'string' || !/^\d+\.\d+\.\d+\.\d+$/.test(info.version))
        problems.push(`info 的 version 应为 MAJOR.MINOR.PATCH.BUILD（全为数字）：${String(info.version)}`);
      if (!Array.isArray(info.arch) || !info.arch.includes(app.debArch)) problems.push(`info 的 arch 不含 ${app.debArch}`);
      if (typeof info.permissions !== 'object' || info.permissions === null) problems.push('info 缺少 permissions');
    } catch {
      problems.push('info 不是合法的 JSON');
    }
  }
  if (contents.desktopEntry === null) problems.push(`缺少 /${root}/entries/applications/${app.appId}.desktop`);
  else {
    const exec = /^Exec=(\S+)/m.exec(contents.desktopEntry)?.[1] ?? '';
    if (!exec.startsWith(`/${root}/files/`)) problems.push(`desktop 文件的 Exec 不在 /${root}/files/ 下：${exec}`);
    if (!/^Icon=/m.test(contents.desktopEntry)) problems.push('desktop 文件缺少 Icon');
  }
  return problems;
};
