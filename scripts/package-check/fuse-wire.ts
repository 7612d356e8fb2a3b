/**
 * Electron's fuse wire, read back from a packaged binary. The fuses CLI and electron-builder write it
 * but never fail on a wrong value, so the package check reads the bytes themselves. Layout (Electron's
 * docs/tutorial/fuses.md): the sentinel, one version byte, one length byte, then one byte per fuse —
 * '0' disabled, '1' enabled, 'r' removed.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Wire positions of version 1 of the wire, in order. */
export const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
export type FuseName = (typeof FUSE_NAMES)[number];
export type FuseState = 'enabled' | 'disabled' | 'removed' | `unknown byte 0x${string}`;

export interface FuseWire {
  readonly version: number;
  readonly states: ReadonlyMap<number, FuseState>;
}

const stateOf = (byte: number): FuseState =>
  byte === 0x31 ? 'enabled' : byte === 0x30 ? 'disabled' : byte === 0x72 ? 'removed' : `unknown byte 0x${byte.toString(16)}`;

/** Every wire in the binary (a universal macOS binary carries two); empty when there is no sentinel. */
export const readFuseWires = (binary: Buffer): FuseWire[] => {
  const wires: FuseWire[] = [];
  for (let at = binary.indexOf(FUSE_SENTINEL); at !== -1; at = binary.indexOf(FUSE_SENTINEL, at + 1)) {
    const start = at + FUSE_SENTINEL.length;
    const version = binary[start];
    const length = binary[start + 1];
    if (version === undefined || length === undefined || start + 2 + length > binary.length) continue;
    const states = new Map<number, FuseState>();
    for (let index = 0; index < length; index += 1) states.set(index, stateOf(binary[start + 2 + index] ?? 0));
    wires.push({ version, states });
  }
  return wires;
};

/** The fuses a county PC's console must ship with; true = enabled. */
export const REQUIRED_FUSES: Readonly<Record<FuseName, boolean>> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // Checked only on Windows and macOS by Electron; set everywhere so the wire is the same.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  // The renderer is served from the app:// scheme; file:// needs no extra rights.
  grantFileProtocolExtraPrivileges: false,
};

/** Each fuse that differs from what is required, in words; an empty list means the wire is right. */
export const fuseProblems = (binary: Buffer, required: Readonly<Record<FuseName, boolean>> = REQUIRED_FUSES): string[] => {
  const wires = readFuseWires(binary);
  if (wires.length === 0) return ['未找到 Electron 熔丝标记（sentinel）：不是 Electron 12 以上的可执行文件'];
  const problems: string[] = [];
  for (const wire of wires) {
    if (wire.version !== 1) {
      problems.push(`熔丝版本为 ${wire.version}，检查只认识版本 1：请先更新检查`);
      continue;
    }
    FUSE_NAMES.forEach((name, index) => {
      const wanted = required[name] ? 'enabled' : 'disabled';
      const actual = wire.states.get(index) ?? 'absent';
      if (actual !== wanted) problems.push(`熔丝 ${name} 为 ${actual}，应为 ${wanted}`);
    });
    if (wire.states.size > FUSE_NAMES.length)
      problems.push(`熔丝线有 ${wire.states.size} 个熔丝，检查只认识 ${FUSE_NAMES.length} 个：请确认新熔丝的取值并更新检查`);
  }
  return problems;
};
