// Child process of the durability test: writes work orders as fast as it can, each with its event
// and outbox row in one transaction, and prints the id only after the commit returned. The test
// kills it with SIGKILL at random moments and checks that every printed id survived.
import { openDatabase } from '../../main/db/open-database';
import { uuidv7 } from '../../main/shared/domain/uuid-v7';
import { workOrderRepo } from '../../main/workorders/work-order-repo';

const file = process.argv[2];
if (!file) throw new Error('usage: durability-writer <database file>');
const { db } = openDatabase({ file });

for (;;) {
  const id = uuidv7();
  workOrderRepo.create(db, {
    id,
    number: `D-${id}`,
    channel: '电话',
    callerId: null,
    contactName: null,
    contactNumber: '13812345678',
    requestType: '投诉',
    categoryCode: '040101',
    regionCode: '320505001',
    address: '苏州市虎丘区狮山街道',
    title: '夜间施工噪音扰民',
    content: '来电人反映附近工地夜间施工，噪音很大。'.repeat(4),
    urgency: 'normal',
    handlingMode: 'dispatch',
    leadDepartment: '城市管理局',
    coDepartments: [],
    reply: null,
    deadlineAt: null,
    status: 'registered',
    duplicateOf: null,
    confidential: false,
    createdBy: 'A0001',
    createdAt: new Date().toISOString(),
  });
  process.stdout.write(`${id}\n`);
}
