import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { callerIdByKey, insertCallerRow } from '../callers/callers-repo';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { insertWorkOrderRow } from '../workorders/work-order-repo';
import type { PersonaSeed } from './domain/persona-seeds';

export type ProfileKind = 'production' | 'training';

const PROFILE_KIND_KEY = 'profileKind';

/**
 * On a training profile the outbox takes nothing: whatever a service queues for the platform is
 * dropped by the database itself, so no path (today's or a future one) can send a trainee's order.
 */
const KEEP_OUTBOX_EMPTY = `CREATE TRIGGER IF NOT EXISTS training_profile_outbox_guard BEFORE INSERT ON outbox
  BEGIN SELECT RAISE(IGNORE); END`;

export interface TrainingCallOrder {
  readonly formJson: string;
  readonly scenarioId: string;
  readonly ringAt: string;
  readonly answerAt: string | null;
  readonly endAt: string | null;
  readonly transferTarget: string | null;
  readonly submittedAt: string;
  readonly trainee: string;
}

export interface TrainingResultRow {
  readonly workOrderId: string;
  readonly scenarioId: string;
  readonly businessType: string;
  readonly trainee: string;
  readonly points: number;
  readonly max: number;
  readonly cardJson: string;
  readonly createdAt: string;
}

export const trainingRepo = {
  /**
   * The profile's kind, fixed when the profile is made: a new profile takes the kind asked for; a
   * profile that already holds calls or orders from before kinds existed is a production one.
   */
  claimProfileKind: (db: Database, wanted: ProfileKind): ProfileKind =>
    db.transaction((): ProfileKind => {
      const stored = statement(db, 'SELECT value_json FROM settings WHERE key = ?').pluck().get(PROFILE_KIND_KEY) as
        string | undefined;
      let kind: ProfileKind;
      if (stored === '"training"' || stored === '"production"') kind = JSON.parse(stored) as ProfileKind;
      else {
        const used =
          statement(db, 'SELECT EXISTS (SELECT 1 FROM calls) OR EXISTS (SELECT 1 FROM work_orders)').pluck().get() === 1;
        kind = used ? 'production' : wanted;
        statement(
          db,
          `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
        ).run(PROFILE_KIND_KEY, JSON.stringify(kind), new Date().toISOString());
      }
      if (kind === 'training') db.exec(KEEP_OUTBOX_EMPTY);
      return kind;
    })(),

  /** Each persona once: a caller already here (seeded before, or met on a call) is left as it is. */
  seedPersonas: (db: Database, personas: readonly PersonaSeed[]): number =>
    db.transaction((): number => {
      let seeded = 0;
      for (const persona of personas) {
        if (callerIdByKey(db, persona.numberKey)) continue;
        const callerId = uuidv7();
        const createdAt = persona.openOrders[0]?.createdAt ?? new Date().toISOString();
        insertCallerRow(db, {
          id: callerId,
          numberKey: persona.numberKey,
          numberKind: persona.numberKind,
          name: persona.name,
          tags: persona.openOrders.length > 0 ? ['重复来电'] : [],
          confidential: persona.confidential,
          regionCode: persona.regionCode,
          createdAt,
        });
        for (const order of persona.openOrders)
          insertWorkOrderRow(db, {
            ...order,
            id: uuidv7(),
            channel: '电话',
            callerId,
            contactName: persona.name,
            contactNumber: persona.numberKey,
            regionCode: persona.regionCode,
            address: null,
            urgency: 'normal',
            handlingMode: 'dispatch',
            coDepartments: [],
            reply: null,
            status: 'dispatched',
            duplicateOf: null,
            confidential: persona.confidential,
            createdBy: 'training-scenario',
          });
        seeded += 1;
      }
      return seeded;
    })(),

  /** The submitted order of a training call, with the call's times; null for any other order. */
  trainingCallOrder: (db: Database, workOrderId: string): TrainingCallOrder | null =>
    (statement(
      db,
      `SELECT unseal(d.form_json) AS formJson, c.training_scenario_id AS scenarioId, c.ring_at AS ringAt, c.answer_at AS answerAt,
              c.end_at AS endAt, c.transfer_target AS transferTarget, w.created_at AS submittedAt, w.created_by AS trainee
         FROM work_orders w
         JOIN intake_drafts d ON d.work_order_id = w.id
         JOIN calls c ON c.id = d.call_ref
        WHERE w.id = ? AND c.purpose = 'training' AND c.training_scenario_id IS NOT NULL`,
    ).get(workOrderId) as TrainingCallOrder | undefined) ?? null,

  /** Newest first; a profile used for a year of drills stays well under the cap. */
  results: (db: Database): TrainingResultRow[] =>
    statement(
      db,
      `SELECT work_order_id AS workOrderId, scenario_id AS scenarioId, business_type AS businessType, trainee, points,
              max_points AS max, card_json AS cardJson, created_at AS createdAt
         FROM training_results ORDER BY created_at DESC LIMIT 20000`,
    ).all() as TrainingResultRow[],

  saveResult: (db: Database, row: TrainingResultRow): void => {
    statement(
      db,
      `INSERT INTO training_results (work_order_id, scenario_id, business_type, trainee, points, max_points, card_json, created_at)
       VALUES (@workOrderId, @scenarioId, @businessType, @trainee, @points, @max, @cardJson, @createdAt)
       ON CONFLICT(work_order_id) DO UPDATE SET card_json = excluded.card_json, points = excluded.points`,
    ).run(row);
  },
};
