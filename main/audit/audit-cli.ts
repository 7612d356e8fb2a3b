// `npm run audit -- verify [--profile DIR]`: checks a console's audit chain for IT and auditors.
// `npm run audit -- fields [--profile DIR]`: for a 密评 reviewer, per sensitive column how many
// values are SM4-sealed and clear, and whether every sealed one opens (its HMAC-SM3 holds).
// Opens the database read-only; exit 0 when intact, 1 when an entry was edited, deleted or moved
// (or, with SM4 on, a value is clear or does not open), 2 when the profile cannot be read.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { readOrCreateKeyFile } from '../db/encryption/key-file';
import { DatabaseKeyError, type DatabaseKey } from '../db/encryption/database-key';
import { keyConnection, keyLegacyConnection } from '../db/encryption/key-connection';
import { databaseFile } from '../profile/database-file';
import { defaultProfileDir } from '../profile/profile-dir';
import { verifyAuditLog } from './audit-repo';
import { attachFieldFunctions } from '../fields/field-functions';
import { fieldsReport } from '../fields/fields-report';

const KIND_TEXT = {
  edited: '内容被改动',
  broken_link: '前后链接断开（条目被删除、插入或调换顺序）',
  gap: '缺少前一条',
  fork: '出现分叉',
};

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const complain = (line: string): void => void process.stderr.write(`${line}\n`);

const args = process.argv.slice(2);
const command = args[0];
if (command !== 'verify' && command !== 'fields') {
  complain('用法：npm run audit -- verify|fields [--profile 配置目录]');
  process.exit(2);
}
const at = args.indexOf('--profile');
const profile = at >= 0 ? args[at + 1] : defaultProfileDir(process.env, process.platform, homedir());
const file = profile ? databaseFile(profile) : '';
if (!profile || !existsSync(file)) {
  complain(`找不到数据库：${file || '(未指定配置目录)'}`);
  process.exit(2);
}
/**
 * Read-only, and never converted: a profile the console has not opened since AEGIS (still
 * AES-256-CBC) is read with the earlier scheme; the console re-encrypts it at its next start.
 */
const openKeyed = (key: DatabaseKey): BetterSqlite3.Database => {
  const schemes = [keyConnection, keyLegacyConnection];
  for (const [index, keyWith] of schemes.entries()) {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      keyWith(db, key);
      return db;
    } catch (error) {
      db.close();
      if (!(error instanceof DatabaseKeyError) || index === schemes.length - 1) throw error;
    }
  }
  throw new DatabaseKeyError('no key scheme to try');
};

let db: BetterSqlite3.Database;
try {
  // The browser shell's key file or MINSHENG_DB_KEY; the app's keychain-wrapped key only opens inside the app.
  const key = readOrCreateKeyFile({ env: process.env, profileDir: profile, create: false });
  db = openKeyed(key);
  attachFieldFunctions(db, key);
} catch (error) {
  complain(`无法打开数据库：${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
if (command === 'fields') {
  const report = fieldsReport(db);
  db.close();
  say(`敏感字段加密设置：${report.mode === 'sm4' ? 'SM4 国密逐字段加密' : '不加密'}`);
  for (const column of report.columns) {
    say(`  ${column.table}.${column.column}：已加密 ${column.sealed}，明文 ${column.clear}，无法解密 ${column.unopened}`);
  }
  say(`来电人号码索引：盲索引 ${report.blindIndexes}，明文号码 ${report.clearKeys}`);
  say(report.ok ? '检查通过。' : '检查未通过：见上面的明文或无法解密的数量。');
  process.exit(report.ok ? 0 : 1);
}
const { entries, problems } = verifyAuditLog(db);
db.close();
if (problems.length === 0) say(`审计日志完整：${entries} 条，哈希链无断点。`);
else {
  say(`审计日志有 ${problems.length} 处问题（共 ${entries} 条）：`);
  for (const problem of problems) say(`  ${problem.id}：${KIND_TEXT[problem.kind]}`);
}
process.exit(problems.length === 0 ? 0 : 1);
