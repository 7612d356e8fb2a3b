import type { Database } from 'better-sqlite3-multiple-ciphers';
import { fieldCipherOf } from './field-functions';
import { type SEALED_COLUMNS, sealingRepo } from './sealing-repo';

export interface FieldsReport {
  readonly mode: 'none' | 'sm4';
  readonly columns: readonly { table: string; column: string; sealed: number; clear: number; unopened: number }[];
  readonly blindIndexes: number;
  readonly clearKeys: number;
  /** With SM4 on: nothing clear and every sealed value opens. With it off: every sealed value still opens. */
  readonly ok: boolean;
}

/** What a 密评 reviewer asks of a profile, read from the file itself (the connection needs the field functions and its key). */
export const fieldsReport = (db: Database): FieldsReport => {
  const mode = fieldCipherOf(db)?.mode ?? 'none';
  const census = sealingRepo.census(db);
  const columns = census.map((entry) => {
    let unopened = 0;
    const table = entry.table as keyof typeof SEALED_COLUMNS;
    for (const value of db
      .prepare(`SELECT ${entry.column} FROM ${table} WHERE ${entry.column} LIKE '%sm4:1:%'`)
      .pluck()
      .iterate()) {
      try {
        db.prepare('SELECT unseal(?)').pluck().get(value);
      } catch {
        unopened += 1;
      }
    }
    return { ...entry, unopened };
  });
  const keys = db
    .prepare(
      "SELECT count(*) FILTER (WHERE number_key LIKE 'bi1:%') AS blind, count(*) FILTER (WHERE number_key NOT LIKE 'bi1:%') AS clear FROM callers",
    )
    .get() as { blind: number; clear: number };
  const unopened = columns.some((column) => column.unopened > 0);
  const clear = columns.some((column) => column.clear > 0) || keys.clear > 0;
  return { mode, columns, blindIndexes: keys.blind, clearKeys: keys.clear, ok: !unopened && (mode === 'none' || !clear) };
};
