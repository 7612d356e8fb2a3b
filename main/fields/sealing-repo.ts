import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { fieldCipherOf, type FieldCipherMode } from './field-functions';

/**
 * The columns SM4 field encryption covers (README "SM4 字段加密" lists them with the reasons): who
 * the citizen is, how to reach them, where, and what they said. Numbers that identify a caller
 * are looked up through callers.number_key, which then holds the blind index.
 */
export const SEALED_COLUMNS = {
  callers: ['number_sealed', 'name'],
  work_orders: ['contact_name', 'contact_number', 'address', 'title', 'content', 'reply'],
  work_order_events: ['note'],
  calls: ['remote_number'],
  intake_drafts: ['form_json'],
  outbox: ['payload_json'],
  help_requests: ['note'],
} as const;

type SealedTable = keyof typeof SEALED_COLUMNS;
const TABLES = Object.keys(SEALED_COLUMNS) as SealedTable[];
const JSON_COLUMNS = new Set(['form_json', 'payload_json']);

const CALLER_SET = `number_key = caller_key(coalesce(unseal(number_sealed), number_key)),
  number_sealed = CASE WHEN field_mode() = 'sm4' THEN coalesce(number_sealed, seal_or_null(number_key)) END,
  name = reseal(name)`;

const setClause = (table: SealedTable): string =>
  table === 'callers'
    ? CALLER_SET
    : SEALED_COLUMNS[table]
        .map((column) => `${column} = ${JSON_COLUMNS.has(column) ? 'reseal_json' : 'reseal'}(${column})`)
        .join(', ');

/** Where a conversion stands, kept in profile_meta so a restart resumes it (rows are visited once, in rowid order). */
export interface SealingProgress {
  readonly mode: FieldCipherMode;
  readonly table: number;
  readonly after: number;
  readonly done: boolean;
}

const META_KEY = 'field_cipher_walk';

const progressOf = (db: Database, mode: FieldCipherMode): SealingProgress => {
  const json = statement(db, 'SELECT value FROM profile_meta WHERE key = ?').pluck().get(META_KEY) as string | undefined;
  const saved = json ? (JSON.parse(json) as SealingProgress) : null;
  // A profile never sealed needs no walk to stay clear; a changed setting starts the walk again.
  if (!saved) return { mode, table: 0, after: 0, done: mode === 'none' };
  return saved.mode === mode ? saved : { mode, table: 0, after: 0, done: false };
};

const saveProgress = (db: Database, progress: SealingProgress): void => {
  statement(db, 'INSERT INTO profile_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    META_KEY,
    JSON.stringify(progress),
  );
};

export const sealingRepo = {
  progress: (db: Database): SealingProgress => progressOf(db, fieldCipherOf(db)?.mode ?? 'none'),

  /**
   * Converts up to `limit` rows of one table to the form the setting asks for, and moves the saved
   * position in the same transaction: a crash leaves every row either converted or not, never half,
   * and both forms read correctly meanwhile.
   */
  convertBatch: (db: Database, limit: number): SealingProgress =>
    db.transaction((): SealingProgress => {
      const start = sealingRepo.progress(db);
      if (start.done) return start;
      const table = TABLES[start.table];
      if (!table) {
        const finished = { ...start, done: true };
        saveProgress(db, finished);
        return finished;
      }
      const last = statement(db, `SELECT max(rowid) FROM (SELECT rowid FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?)`)
        .pluck()
        .get(start.after, limit) as number | null;
      const next: SealingProgress =
        last === null
          ? { ...start, table: start.table + 1, after: 0 }
          : (statement(db, `UPDATE ${table} SET ${setClause(table)} WHERE rowid > ? AND rowid <= ?`).run(start.after, last),
            { ...start, after: last });
      saveProgress(db, next);
      return next;
    })(),

  /** Sealed and clear values per column: what 设置 shows and what a 密评 reviewer can recount with plain SQL. */
  census: (db: Database): { table: string; column: string; sealed: number; clear: number }[] =>
    TABLES.flatMap((table) =>
      SEALED_COLUMNS[table].map((column) => {
        const sealed = JSON_COLUMNS.has(column) ? `${column} LIKE '"sm4:1:%'` : `${column} LIKE 'sm4:1:%'`;
        const row = statement(
          db,
          `SELECT count(*) FILTER (WHERE ${sealed}) AS sealed,
                  count(*) FILTER (WHERE ${column} IS NOT NULL AND ${column} NOT IN ('', '{}') AND NOT (${sealed})) AS clear
           FROM ${table}`,
        ).get() as { sealed: number; clear: number };
        return { table, column, ...row };
      }),
    ),

  checkpoint: (db: Database): void => {
    db.pragma('wal_checkpoint(TRUNCATE)');
  },
};
