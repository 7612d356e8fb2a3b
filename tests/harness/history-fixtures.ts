import type { Database } from 'better-sqlite3-multiple-ciphers';
import { insertCallerRow } from '../../main/callers/callers-repo';
import { insertCallRow } from '../../main/history/history-rows-repo';
import { uuidv7 } from '../../main/shared/domain/uuid-v7';
import type { WorkOrderStatus } from '../../main/workorders/domain/work-order-status';
import { insertWorkOrderEvent, insertWorkOrderRow } from '../../main/workorders/work-order-repo';
import { demoOrder } from './demo-order';

const HOUR = 3600 * 1000;

export interface SeededCaller {
  readonly callerId: string;
  readonly openOrderIds: string[];
  readonly closedOrderIds: string[];
  readonly callIds: string[];
}

let numberSequence = 0;

/**
 * One caller with a known history, written with the same row functions as the sync and the demo
 * generator: `open` open orders (the first one overdue), `closed` archived ones, `calls` past calls.
 */
export const seedCallerHistory = (
  db: Database,
  options: {
    numberKey: string;
    name?: string | null;
    confidential?: boolean;
    tags?: string[];
    open: number;
    closed: number;
    calls: number;
    now: Date;
  },
): SeededCaller => {
  const now = options.now.getTime();
  const callerId = uuidv7(now - 90 * 24 * HOUR);
  const result: SeededCaller = { callerId, openOrderIds: [], closedOrderIds: [], callIds: [] };
  db.transaction(() => {
    insertCallerRow(db, {
      id: callerId,
      numberKey: options.numberKey,
      numberKind: options.numberKey.startsWith('1') ? 'mobile' : 'landline',
      name: options.name ?? null,
      tags: options.tags ?? [],
      confidential: options.confidential ?? false,
      regionCode: '320505001',
      createdAt: new Date(now - 90 * 24 * HOUR).toISOString(),
    });
    const order = (index: number, status: WorkOrderStatus, createdMs: number, deadlineMs: number): string => {
      const id = uuidv7(createdMs);
      numberSequence += 1;
      const row = demoOrder({
        id,
        number: `32050520261127${String(numberSequence).padStart(5, '0')}`,
        callerId,
        contactName: options.name ?? null,
        contactNumber: options.numberKey,
        regionCode: '320505001',
        address: '苏州市虎丘区狮山街道长江路 1 号',
        title: `${status === 'archived' ? '已归档' : '未办结'}诉求 ${index + 1}`,
        deadlineAt: new Date(deadlineMs).toISOString(),
        status,
        confidential: options.confidential ?? false,
        createdAt: new Date(createdMs).toISOString(),
      });
      insertWorkOrderRow(db, row);
      insertWorkOrderEvent(db, { workOrderId: id, kind: 'registered', at: row.createdAt, actor: 'A0001', note: null });
      insertWorkOrderEvent(db, {
        workOrderId: id,
        kind: 'dispatched',
        at: new Date(createdMs + HOUR).toISOString(),
        actor: 'A0001',
        note: '派至城市管理局',
      });
      return id;
    };
    for (let index = 0; index < options.open; index += 1) {
      // The first open order is overdue by a day, the others are due in the coming days.
      const created = now - (3 + index) * 24 * HOUR;
      result.openOrderIds.push(
        order(
          index,
          index === 0 ? 'accepted' : 'dispatched',
          created,
          index === 0 ? now - 24 * HOUR : now + (index + 1) * 24 * HOUR,
        ),
      );
    }
    for (let index = 0; index < options.closed; index += 1) {
      const created = now - (60 + index) * 24 * HOUR;
      result.closedOrderIds.push(order(index, 'archived', created, created + 5 * 24 * HOUR));
    }
    for (let index = 0; index < options.calls; index += 1) {
      const ring = now - (index * 5 + 1) * 24 * HOUR;
      const id = uuidv7(ring);
      result.callIds.push(id);
      insertCallRow(db, {
        id,
        sipCallId: `call-${index}@test`,
        direction: 'inbound',
        callerId,
        remoteNumber: options.numberKey,
        localNumber: '12345',
        queue: '12345-综合',
        agentId: `A000${index + 1}`,
        ringAt: new Date(ring).toISOString(),
        answerAt: new Date(ring + 5000).toISOString(),
        endAt: new Date(ring + 5000 + 185_000).toISOString(),
        endCause: 'caller_hangup',
        transferTarget: null,
        workOrderId: null,
      });
    }
  })();
  return result;
};
