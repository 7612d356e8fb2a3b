// Writes a plain (pre-encryption) profile database as an older console left it: orders committed,
// the last ones still only in the WAL because the console was killed (the test SIGKILLs this
// process once it prints DONE, so SQLite never checkpoints).
import { openDatabase } from '../../main/db/open-database';
import { workOrderRepo } from '../../main/workorders/work-order-repo';
import { demoOrder } from './demo-order';

const [file, countText] = process.argv.slice(2);
if (!file || !countText) throw new Error('usage: plain-profile-writer <database file> <orders>');
const { db } = openDatabase({ file });
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
