// `npm run audit -- verify [--profile DIR]`: checks a console's audit chain for IT and auditors.
// Opens the database read-only; exit 0 when intact, 1 when an entry was edited, deleted or moved,
// 2 when the profile cannot be read.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { readOrCreateKeyFile } from '../db/encryption/key-file';
import { keyConnection } from '../db/encryption/key-connection';
import { databaseFile } from '../profile/database-file';
import { defaultProfileDir } from '../profile/profile-dir';
import { verifyAuditLog } from './audit-repo';

const KIND_TEXT = {
  edited: '内容被改动',
  broken_link: '前后链接断开（条目被删除、插入或调换顺序）',
  gap: '缺少前一条',
  fork: '出现分叉',
};

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const complain = (line: string): void => void process.stderr.write(`${line}\n`);

const args = process.argv.slice(2);
if (args[0] !== 'verify') {
  complain('用法：npm run audit -- verify [--profile 配置目录]');
  process.exit(2);
}
const at = args.indexOf('--profile');
const profile = at >= 0 ? args[at + 1] : defaultProfileDir(process.env, process.platform, homedir());
const file = profile ? databaseFile(profile) : '';
if (!profile || !existsSync(file)) {
  complain(`找不到数据库：${file || '(未指定配置目录)'}`);
  process.exit(2);
}
const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
try {
  // The browser shell's key file or MINSHENG_DB_KEY; the app's keychain-wrapped key only opens inside the app.
  keyConnection(db, readOrCreateKeyFile({ env: process.env, profileDir: profile, create: false }));
} catch (error) {
  db.close();
  complain(`无法打开数据库：${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const { entries, problems } = verifyAuditLog(db);
db.close();
if (problems.length === 0) say(`审计日志完整：${entries} 条，哈希链无断点。`);
else {
  say(`审计日志有 ${problems.length} 处问题（共 ${entries} 条）：`);
  for (const problem of problems) say(`  ${problem.id}：${KIND_TEXT[problem.kind]}`);
}
process.exit(problems.length === 0 ? 0 : 1);
