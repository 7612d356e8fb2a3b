// Writes a plain (pre-encryption) profile database as an older console left it: orders committed,
// the last ones still only in the WAL because the console was killed (the test SIGKILLs this
// process once it prints DONE, so SQLite never checkpoints). With a key as third argument, the
// profile is encrypted with the earlier scheme (AES-256-CBC), as consoles before AEGIS left it.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { parseDatabaseKey } from '../../main/db/encryption/database-key';
import { keyLegacyConnection } from '../../main/db/encryption/key-connection';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open-database';
import { workOrderRepo } from '../../main/workorders/work-order-repo';
import { demoOrder } from './demo-order';

const [file, countText, legacyKey] = process.argv.slice(2);
if (!file || !countText) throw new Error('usage: plain-profile-writer <database file> <orders> [legacy key]');
const openLegacy = (key: string) => {
  const legacy = new BetterSqlite3(file);
  keyLegacyConnection(legacy, parseDatabaseKey(key, 'argv'));
  legacy.pragma('journal_mode = WAL');
  migrate(legacy, migrations);
  return legacy;
};
const db = legacyKey ? openLegacy(legacyKey) : openDatabase({ file }).db;
for (let index = 0; index < Number(countText); index += 1) {
  workOrderRepo.create(
    db,
    demoOrder({
      contactNumber: `139${String(index).padStart(8, '0')}`,
      content: '来电人反映楼下餐馆油烟直排，影响居民生活。'.repeat(6),
    }),
  );
}
process.stdout.write('DONE\n');
setInterval(() => {}, 1000);
