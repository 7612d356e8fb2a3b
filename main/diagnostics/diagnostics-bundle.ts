import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor } from './domain/redact-text';
import { type ArchiveEntry, zipArchive } from './domain/zip-archive';

export interface DiagnosticsSources {
  readonly profileDir: string;
  readonly versions: Readonly<Record<string, unknown>>;
  /** The settings as configured; secrets are not settings and never reach here. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly database: Readonly<Record<string, unknown>>;
  readonly sync: unknown;
  /** Every name, number, address and text of the profile: removed from every file of the bundle. */
  readonly personalValues: readonly string[];
}

export interface DiagnosticsBundle {
  readonly fileName: string;
  readonly zip: Buffer;
  readonly files: string[];
  readonly redactions: number;
}

/** The tail of a log is what IT needs; a file grown out of bounds (or not ours) must not blow the bundle up. */
const MAX_LOG_BYTES = 8 * 1024 * 1024;

const readTail = (file: string): { text: string; cut: boolean } => {
  const size = statSync(file).size;
  const length = Math.min(size, MAX_LOG_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return { text: buffer.toString('utf8'), cut: size > length };
};

const README = `民声坐席诊断包

logs/           坐席日志（最近部分）
versions.json   版本与运行环境
settings.json   设置（不含任何密码与令牌；坐席显示名称已隐去）
database.json   本地数据库概况：各表行数、加密状态、审计链校验结果（不含任何记录内容）
sync.json       与平台同步的状态

打包时再次隐去了个人信息：本配置中出现过的每个姓名、号码、地址与诉求内容，以及一切形如电话号码、
身份证号或 7 位以上数字的内容，均已替换为“[…已隐去]”。坐席不保存 SIP 报文记录，因此包中没有。
`;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export const buildDiagnosticsBundle = (sources: DiagnosticsSources, now: Date = new Date()): DiagnosticsBundle => {
  const redactor = createRedactor(sources.personalValues);
  let redactions = 0;
  const entries: ArchiveEntry[] = [];
  const add = (name: string, text: string): void => {
    const redacted = redactor.redact(text);
    redactions += redacted.count;
    entries.push({ name, data: Buffer.from(redacted.text, 'utf8') });
  };
  add('README.txt', README);
  add('versions.json', json(sources.versions));
  add('settings.json', json(sources.settings));
  add('database.json', json(sources.database));
  add('sync.json', json(sources.sync));
  const logsDir = join(sources.profileDir, 'logs');
  const logs = existsSync(logsDir) ? readdirSync(logsDir, { withFileTypes: true }).filter((entry) => entry.isFile()) : [];
  for (const log of logs.map((entry) => entry.name).sort()) {
    const { text, cut } = readTail(join(logsDir, log));
    add(`logs/${log}`, cut ? `（文件过大，仅含最后 ${MAX_LOG_BYTES / 1024 / 1024} MB）\n${text}` : text);
  }
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return {
    fileName: `minsheng-diagnostics-${stamp}.zip`,
    zip: zipArchive(entries, now),
    files: entries.map((entry) => entry.name),
    redactions,
  };
};
