import type { Database } from 'better-sqlite3-multiple-ciphers';

/** Columns that hold what a citizen told us or who they are; the bundle must show none of it. */
const PERSONAL_COLUMNS = [
  'SELECT coalesce(unseal(number_sealed), number_key) AS value FROM callers',
  'SELECT unseal(name) FROM callers WHERE name IS NOT NULL',
  'SELECT unseal(contact_name) FROM work_orders WHERE contact_name IS NOT NULL',
  'SELECT unseal(contact_number) FROM work_orders WHERE contact_number IS NOT NULL',
  'SELECT unseal(address) FROM work_orders',
  'SELECT unseal(title) FROM work_orders',
  'SELECT unseal(content) FROM work_orders',
  'SELECT unseal(reply) FROM work_orders WHERE reply IS NOT NULL',
  'SELECT unseal(note) FROM work_order_events WHERE note IS NOT NULL',
  'SELECT unseal(remote_number) FROM calls WHERE remote_number IS NOT NULL',
  'SELECT query FROM kb_usage WHERE query IS NOT NULL',
];
const DRAFT_FIELDS = ['callerName', 'contactNumber', 'address', 'title', 'content', 'reply', 'dispatchNote'];

/** Tables whose row counts help IT see what a profile holds, without any of their content. */
const COUNTED_TABLES = [
  'callers',
  'calls',
  'work_orders',
  'work_order_events',
  'intake_drafts',
  'outbox',
  'audit_log',
  'kb_entries',
  'kb_usage',
  'agent_states',
  'training_results',
];

export const diagnosticsRepo = {
  personalValues: (db: Database): string[] => {
    const values = new Set<string>();
    for (const sql of PERSONAL_COLUMNS) {
      for (const value of db.prepare(sql).pluck().iterate() as Iterable<unknown>) {
        if (typeof value === 'string' && value.trim() !== '') values.add(value);
      }
    }
    for (const json of db.prepare('SELECT unseal(form_json) FROM intake_drafts').pluck().iterate() as Iterable<string>) {
      const form = JSON.parse(json) as Record<string, unknown>;
      for (const field of DRAFT_FIELDS) {
        const value = form[field];
        if (typeof value === 'string' && value.trim() !== '') values.add(value);
      }
    }
    return [...values];
  },
  tableCounts: (db: Database): Record<string, number> =>
    Object.fromEntries(
      COUNTED_TABLES.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]),
    ),
};
