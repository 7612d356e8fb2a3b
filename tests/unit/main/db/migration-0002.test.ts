import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/db/migrate';
import { migration0001 } from '../../../../main/db/migrations/0001-settings';
import { migration0002 } from '../../../../main/db/migrations/0002-history';
import { migrations } from '../../../../main/db/migrations';
import { enqueueOutbox } from '../../../../main/sync/outbox-repo';
import { workOrderRepo } from '../../../../main/workorders/work-order-repo';

/** Today's repositories write today's columns: the schema 0002 made, with everything added since. */
const fresh = () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
};

const order = {
  number: '3205052026112700001',
  channel: '电话',
  callerId: null,
  contactName: null,
  contactNumber: '13812345678',
  requestType: '咨询',
  categoryCode: '010201',
  regionCode: '320505001',
  address: null,
  title: '社保缴费基数咨询',
  content: '来电人咨询灵活就业人员社保缴费基数。',
  urgency: 'normal',
  handlingMode: 'direct' as const,
  leadDepartment: null,
  coDepartments: [],
  reply: '已答复。',
  deadlineAt: null,
  status: 'resolved' as const,
  duplicateOf: null,
  confidential: false,
  createdBy: 'A0001',
  createdAt: '2026-11-27T08:00:00.000Z',
};

describe('0002 callers, calls, work orders, outbox, audit', () => {
  it('upgrades a version-1 database that already holds settings, keeping them', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [migration0001]);
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('agentId', '\"A1\"', 'now')").run();
    expect(migrate(db, [migration0001, migration0002])).toBe(2);
    expect(db.prepare('SELECT value_json FROM settings').pluck().get()).toBe('"A1"');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'audit_log',
      'callers',
      'calls',
      'outbox',
      'secrets',
      'settings',
      'work_order_events',
      'work_orders',
    ]);
  });

  it('writes a new work order with its first event and its outbox row in one transaction', () => {
    const db = fresh();
    const id = workOrderRepo.create(db, order);
    expect(db.prepare('SELECT kind FROM work_order_events WHERE work_order_id = ?').pluck().all(id)).toEqual(['registered']);
    expect(db.prepare('SELECT stream, record_id, op, state FROM outbox').all()).toEqual([
      { stream: 'work_order', record_id: id, op: 'create', state: 'pending' },
    ]);
  });

  it('leaves neither order nor outbox row behind when the insert fails half-way', () => {
    const db = fresh();
    workOrderRepo.create(db, order);
    expect(() => workOrderRepo.create(db, order)).toThrow(/UNIQUE constraint failed: work_orders.number/);
    expect(db.prepare('SELECT count(*) FROM work_orders').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
  });

  it('refuses an outbox row written outside the record’s transaction', () => {
    const db = fresh();
    expect(() => enqueueOutbox(db, { stream: 'call', recordId: 'x', op: 'create', payload: {} as never, at: 'now' })).toThrow(
      /inside the transaction/,
    );
  });

  it('rejects statuses, kinds and links the model does not know', () => {
    const db = fresh();
    expect(() => workOrderRepo.create(db, { ...order, status: 'lost' as never })).toThrow(/CHECK constraint failed/);
    expect(() => workOrderRepo.create(db, { ...order, number: 'n2', callerId: 'no-such-caller' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO callers (id, number_key, number_kind, tags_json, created_at, updated_at) VALUES ('c', '1', 'mobile', 'not json', 'n', 'n')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it('keeps the audit log append-only', () => {
    const db = fresh();
    // As 0002 left it (appendAudit writes the chain columns of 0012).
    db.prepare(
      "INSERT INTO audit_log (id, at, actor, action, screen) VALUES ('a1', '2026-11-27T08:00:00Z', 'A0001', 'reveal_number', 'caller-panel')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM audit_log').pluck().all()).toEqual(['A0001']);
  });
});
