import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TrainingCallerRow } from '../history/screen-pop-repo';

// Only callers of the demo history (its calls carry @pbx.demo ids).
const DEMO = "EXISTS (SELECT 1 FROM calls k WHERE k.caller_id = c.id AND k.sip_call_id LIKE '%@pbx.demo')";

/**
 * Picks three demo callers a trainer rings as (the one with most open orders, a confidential one,
 * the most frequent) and stores them with the demo data. The scans take seconds on a province
 * history, so they run once here, at generation, never when the dialog opens.
 */
export const rememberDemoCallers = (db: Database, at: string): TrainingCallerRow[] => {
  const openOrders = db
    .prepare(
      `SELECT 'open-orders' AS kind, coalesce(unseal(c.number_sealed), c.number_key) AS number_key, unseal(c.name) AS name, COUNT(*) AS count FROM callers c JOIN work_orders w ON w.caller_id = c.id
       WHERE c.confidential = 0 AND w.status IN ('registered', 'dispatched', 'accepted', 'returned', 'postponed') AND ${DEMO}
       GROUP BY c.id ORDER BY count DESC LIMIT 1`,
    )
    .get() as TrainingCallerRow | undefined;
  const confidential = db
    .prepare(
      `SELECT 'confidential' AS kind, coalesce(unseal(c.number_sealed), c.number_key) AS number_key, unseal(c.name) AS name, 0 AS count FROM callers c WHERE c.confidential = 1 AND ${DEMO} LIMIT 1`,
    )
    .get() as TrainingCallerRow | undefined;
  const repeat = db
    .prepare(
      `SELECT 'repeat' AS kind, coalesce(unseal(c.number_sealed), c.number_key) AS number_key, unseal(c.name) AS name, COUNT(*) AS count FROM calls k JOIN callers c ON c.id = k.caller_id
       WHERE k.sip_call_id LIKE '%@pbx.demo' AND c.confidential = 0 AND c.number_key != ?
       GROUP BY k.caller_id ORDER BY count DESC LIMIT 1`,
    )
    .get(openOrders?.number_key ?? '') as TrainingCallerRow | undefined;
  const chosen = [openOrders, confidential, repeat].filter((row): row is TrainingCallerRow => row !== undefined);
  db.prepare(
    `INSERT INTO reference_docs (kind, id, version, data_json, updated_at) VALUES ('demo', 'training-callers', 1, ?, ?)
     ON CONFLICT(kind, id) DO UPDATE SET data_json = excluded.data_json, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(chosen), at);
  return chosen;
};
