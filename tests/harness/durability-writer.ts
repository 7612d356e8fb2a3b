// Child process of the durability test: writes work orders as fast as it can, each with its event
// and outbox row in one transaction, and prints the id only after the commit returned. The test
// kills it with SIGKILL at random moments and checks that every printed id survived.
import { parseDatabaseKey } from '../../main/db/encryption/database-key';
import { openDatabase } from '../../main/db/open-database';
import { workOrderRepo } from '../../main/workorders/work-order-repo';
import { demoOrder } from './demo-order';

const [file, key] = process.argv.slice(2);
if (!file || !key) throw new Error('usage: durability-writer <database file> <key>');
const { db } = openDatabase({ file, key: parseDatabaseKey(key, 'argv') });

for (;;) {
  const order = demoOrder({ content: '来电人反映附近工地夜间施工，噪音很大。'.repeat(4) });
  workOrderRepo.create(db, order);
  process.stdout.write(`${order.id}\n`);
}
