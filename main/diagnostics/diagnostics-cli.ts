// `npm run diagnostics -- [--profile DIR] [--out FILE]`: the same bundle as 设置 → 导出诊断包, for IT
// at a PC whose console does not start. Opens the database with the browser shell's key (key file
// or MINSHENG_DB_KEY); an Electron profile's key only unwraps inside the app. Exit 2 when the
// profile cannot be read.
import { existsSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { readOrCreateKeyFile } from '../db/encryption/key-file';
import { openDatabase } from '../db/open-database';
import { verifyAuditLog } from '../audit/audit-repo';
import { databaseFile } from '../profile/database-file';
import { defaultProfileDir } from '../profile/profile-dir';
import { settingsRepo } from '../settings/settings-repo';
import { buildDiagnosticsBundle } from './diagnostics-bundle';
import { diagnosticsRepo } from './diagnostics-repo';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

const profileDir = option('profile') ?? defaultProfileDir(process.env, process.platform, homedir());
if (!existsSync(databaseFile(profileDir))) fail(`找不到数据库：${databaseFile(profileDir)}`);
let opened: ReturnType<typeof openDatabase>;
try {
  opened = openDatabase({
    file: databaseFile(profileDir),
    key: readOrCreateKeyFile({ env: process.env, profileDir, create: false }),
  });
} catch (error) {
  fail(`无法打开数据库：${error instanceof Error ? error.message : String(error)}`);
}
const { db, schemaVersion } = opened!;
const settings = settingsRepo.readAll(db);
const audit = verifyAuditLog(db);
const bundle = buildDiagnosticsBundle({
  profileDir,
  versions: {
    app: process.env.npm_package_version ?? 'unknown',
    transport: 'command-line',
    platform: process.platform,
    arch: process.arch,
    runtime: process.versions,
  },
  settings: { ...settings, displayName: settings.displayName ? '[已隐去]' : '' },
  database: {
    schemaVersion,
    encrypted: true,
    rows: diagnosticsRepo.tableCounts(db),
    auditChain: { entries: audit.entries, problems: audit.problems.length },
  },
  sync: { note: '命令行导出：未连接平台' },
  personalValues: diagnosticsRepo.personalValues(db),
});
db.close();
const out = option('out') ?? bundle.fileName;
writeFileSync(out, bundle.zip, { mode: 0o600 });
process.stdout.write(`诊断包已写入 ${out}：${bundle.files.length} 个文件，隐去个人信息 ${bundle.redactions} 处。\n`);
