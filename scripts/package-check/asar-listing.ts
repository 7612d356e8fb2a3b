/**
 * The entries of an asar archive, read from its header alone (Electron's format: a Chromium pickle
 * holding a JSON tree). Only what the package check needs: paths, sizes and which files were left
 * unpacked beside the archive.
 */
export interface AsarEntry {
  /** Posix path inside the archive, without a leading slash. */
  readonly path: string;
  readonly size: number;
  readonly unpacked: boolean;
}

interface HeaderNode {
  readonly files?: Record<string, HeaderNode>;
  readonly size?: number;
  readonly unpacked?: boolean;
  readonly link?: string;
}

export class AsarFormatError extends Error {}

/** The header's JSON; `bytes` needs to hold only the archive's first few hundred kilobytes. */
export const readAsarHeader = (bytes: Buffer): HeaderNode => {
  if (bytes.length < 16 || bytes.readUInt32LE(0) !== 4) throw new AsarFormatError('不是 asar 文件（头部长度字段不对）');
  const pickleSize = bytes.readUInt32LE(4);
  const jsonLength = bytes.readUInt32LE(12);
  if (jsonLength > pickleSize || 16 + jsonLength > bytes.length) throw new AsarFormatError('asar 头部被截断');
  try {
    return JSON.parse(bytes.toString('utf8', 16, 16 + jsonLength)) as HeaderNode;
  } catch {
    throw new AsarFormatError('asar 头部不是合法的 JSON');
  }
};

export const listAsar = (bytes: Buffer): AsarEntry[] => {
  const entries: AsarEntry[] = [];
  const walk = (node: HeaderNode, prefix: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else if (child.link === undefined) entries.push({ path, size: Number(child.size ?? 0), unpacked: child.unpacked === true });
    }
  };
  walk(readAsarHeader(bytes), '');
  return entries;
};
