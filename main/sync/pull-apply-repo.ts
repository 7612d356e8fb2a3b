import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { callerIdByKey, insertCallerRow } from '../callers/callers-repo';
import { kbEntrySchema } from '../kb/domain/kb-entry';
import { dataCatalogueSchema } from '../workorders/domain/catalogue-schema';
import { regionNumber } from '../kb/domain/region-rowids';
import { kbLearningRepo } from '../kb/kb-learning-repo';
import { kbRepo } from '../kb/kb-repo';
import { insertWorkOrderEvent, insertWorkOrderRow } from '../workorders/work-order-repo';
import {
  type PullItem,
  type PullStream,
  type PulledWorkOrder,
  pulledCallerSchema,
  pulledHolidayYearSchema,
  pulledSynonymsSchema,
  pulledWorkOrderSchema,
} from './protocol/sync-protocol';

export interface ApplyOutcome {
  readonly applied: number;
  readonly skipped: readonly { id: string; reason: string }[];
  /** Callers whose orders this batch changed (work_orders only): a caller panel on screen may show them. */
  readonly callerIds: readonly string[];
}

/** Local id of a caller: the platform's, or ours when this console created the same number offline first. */
const upsertCaller = (db: Database, caller: NonNullable<PulledWorkOrder['caller']>): string => {
  const byKey = callerIdByKey(db, caller.numberKey);
  if (byKey) {
    statement(
      db,
      'UPDATE callers SET name = coalesce(seal(?), name), confidential = ?, region_code = coalesce(?, region_code), updated_at = ? WHERE id = ?',
    ).run(caller.name, caller.confidential ? 1 : 0, caller.regionCode, new Date().toISOString(), byKey);
    return byKey;
  }
  insertCallerRow(db, { ...caller, numberKind: caller.numberKind });
  return caller.id;
};

const applyWorkOrder = (db: Database, data: PulledWorkOrder): string | null => {
  const callerId = data.caller ? upsertCaller(db, data.caller) : data.order.callerId;
  const order = { ...data.order, callerId };
  const local = statement(db, 'SELECT id FROM work_orders WHERE id = ?').pluck().get(order.id) as string | undefined;
  if (!local) {
    // Another console's order; a number already used here (two stations that collided offline) gets the id's head appended.
    const taken = statement(db, 'SELECT 1 FROM work_orders WHERE number = ?').get(order.number) !== undefined;
    insertWorkOrderRow(db, { ...order, number: taken ? `${order.number}-${order.id.slice(0, 4)}` : order.number });
  } else {
    const unsent =
      statement(db, "SELECT 1 FROM outbox WHERE record_id = ? AND state != 'acked' LIMIT 1").get(order.id) !== undefined;
    // After dispatch the platform owns the status and the handling; the intake fields stay ours while our own changes are unsent.
    statement(
      db,
      `UPDATE work_orders SET status = @status, deadline_at = @deadlineAt, lead_department = @leadDepartment,
         co_departments_json = @coDepartments, reply = seal(@reply), duplicate_of = @duplicateOf, updated_at = @now
         ${unsent ? '' : ', title = seal(@title), content = seal(@content), category_code = @categoryCode, region_code = @regionCode, address = seal(@address), urgency = @urgency'}
       WHERE id = @id`,
    ).run({ ...order, coDepartments: JSON.stringify(order.coDepartments), now: new Date().toISOString() });
  }
  for (const event of data.events) insertWorkOrderEvent(db, { ...event, workOrderId: order.id }, { ifNew: true });
  return callerId;
};

const applyItem = (db: Database, stream: PullStream, item: PullItem, at: string, callers: Set<string>): string | null => {
  switch (stream) {
    case 'work_orders': {
      if (item.op === 'delete') return 'work orders are never deleted, only archived';
      const parsed = pulledWorkOrderSchema.safeParse(item.data);
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid work order';
      const callerId = applyWorkOrder(db, parsed.data);
      if (callerId) callers.add(callerId);
      return null;
    }
    case 'callers': {
      if (item.op === 'delete') return 'callers are never deleted';
      const parsed = pulledCallerSchema.safeParse(item.data);
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid caller';
      upsertCaller(db, parsed.data);
      return null;
    }
    case 'kb_entries': {
      const parsed = kbEntrySchema.safeParse(
        item.op === 'delete'
          ? { id: item.id, version: item.version, kind: 'info', title: '-', body: '-', deleted: true }
          : item.data,
      );
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid entry';
      kbRepo.upsert(db, parsed.data, at);
      return null;
    }
    case 'kb_synonyms': {
      const parsed = pulledSynonymsSchema.safeParse(item.data);
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid synonyms';
      const { groups, ...words } = parsed.data;
      kbRepo.replaceSynonyms(db, groups);
      if (Object.keys(words).length > 0) kbLearningRepo.replaceLexicon(db, { groups, ...words }, item.version, at);
      return null;
    }
    case 'catalogue': {
      if (item.op === 'delete') return 'the data catalogue is replaced, never deleted';
      const parsed = dataCatalogueSchema.safeParse(item.data);
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid data catalogue';
      // An older version never replaces a newer one (a platform restored from a backup, a replay).
      statement(
        db,
        `INSERT INTO reference_docs (kind, id, version, data_json, updated_at) VALUES ('catalogue', 'default', ?, ?, ?)
         ON CONFLICT(kind, id) DO UPDATE SET version = excluded.version, data_json = excluded.data_json, updated_at = excluded.updated_at
         WHERE excluded.version >= reference_docs.version`,
      ).run(parsed.data.version, JSON.stringify(parsed.data), at);
      return null;
    }
    case 'holidays': {
      if (item.op === 'delete') {
        statement(db, "DELETE FROM reference_docs WHERE kind = 'holidays' AND id = ?").run(item.id);
        return null;
      }
      const parsed = pulledHolidayYearSchema.safeParse(item.data);
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid calendar';
      statement(
        db,
        `INSERT INTO reference_docs (kind, id, version, data_json, updated_at) VALUES ('holidays', ?, ?, ?, ?)
         ON CONFLICT(kind, id) DO UPDATE SET version = excluded.version, data_json = excluded.data_json, updated_at = excluded.updated_at
         WHERE excluded.version >= reference_docs.version`,
      ).run(item.id, item.version, JSON.stringify(parsed.data), at);
      return null;
    }
  }
};

const regionOf = (item: PullItem): string | null => {
  const region = item.data?.regionCode;
  return typeof region === 'string' ? region : null;
};

export const pullApplyRepo = {
  cursor: (db: Database, stream: PullStream): number =>
    (statement(db, 'SELECT cursor FROM sync_cursors WHERE stream = ?').pluck().get(stream) as number | undefined) ?? 0,

  /**
   * One pulled batch in one transaction, the cursor moved last: a crash leaves either the whole
   * batch applied with its cursor, or nothing. An item whose data is invalid is skipped and
   * reported, not allowed to stop the stream.
   */
  apply: (db: Database, stream: PullStream, items: readonly PullItem[], cursor: number, at: string): ApplyOutcome =>
    db.transaction(() => {
      const skipped: { id: string; reason: string }[] = [];
      let applied = 0;
      const callers = new Set<string>();
      // FTS5 indexes fastest in ascending rowid order, and encyclopedia rowids are grouped by region
      // (see region-rowids.ts). Versions decide between two changes of one entry, so order is free here.
      const ordered =
        stream === 'kb_entries' ? [...items].sort((a, b) => regionNumber(regionOf(a)) - regionNumber(regionOf(b))) : items;
      for (const item of ordered) {
        const problem = applyItem(db, stream, item, at, callers);
        if (problem) skipped.push({ id: item.id, reason: problem });
        else applied += 1;
      }
      statement(
        db,
        'INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT(stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at',
      ).run(stream, cursor, at);
      return { applied, skipped, callerIds: [...callers] };
    })(),

  /** The data catalogue the platform sent, if any (validated again where it is used). */
  catalogue: (db: Database): unknown =>
    ((json) => (json ? (JSON.parse(json) as unknown) : null))(
      statement(db, "SELECT data_json FROM reference_docs WHERE kind = 'catalogue' AND id = 'default'").pluck().get() as
        string | undefined,
    ),

  holidayYears: (db: Database): unknown[] =>
    (statement(db, "SELECT data_json FROM reference_docs WHERE kind = 'holidays' ORDER BY id").pluck().all() as string[]).map(
      (json) => JSON.parse(json) as unknown,
    ),
};
