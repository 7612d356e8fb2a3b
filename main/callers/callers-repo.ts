import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';

/**
 * The callers table has one owner: the screen-pop, intake, the phone's call records and sync all
 * find a caller by number key here, and create one here.
 */
export interface CallerRow {
  readonly id: string;
  readonly number_key: string;
  readonly number_kind: string;
  readonly name: string | null;
  readonly tags_json: string;
  readonly confidential: number;
  readonly region_code: string | null;
}

export interface CallerInsert {
  readonly id: string;
  readonly numberKey: string;
  readonly numberKind: 'mobile' | 'landline' | 'service' | 'international';
  readonly name: string | null;
  readonly tags: readonly string[];
  readonly confidential: boolean;
  readonly regionCode: string | null;
  readonly createdAt: string;
}

/** The caller's number in clear: sealed beside its blind index when SM4 field encryption is on (main/fields/). */
export const CALLER_NUMBER_SQL = 'coalesce(unseal(number_sealed), number_key)';

const CALLER_COLUMNS = `id, ${CALLER_NUMBER_SQL} AS number_key, number_kind, unseal(name) AS name, tags_json, confidential, region_code`;

/**
 * Whether any caller is stored under a blind index (SM4 on, or a conversion either way unfinished):
 * one probe of the unique index. Only then is the blind index worth computing, because HMAC-SM3 in
 * JavaScript costs more per lookup than the rest of the screen-pop (measured: 0.16 vs 0.12 ms).
 */
export const CALLER_LOOKUP_SQL = {
  anyBlindIndex: "SELECT 1 FROM callers WHERE number_key >= 'bi1:' AND number_key < 'bi1;' LIMIT 1",
  clear: `SELECT ${CALLER_COLUMNS} FROM callers WHERE number_key = ?`,
  // Both forms: while a profile is being converted some rows have each.
  both: `SELECT ${CALLER_COLUMNS} FROM callers WHERE number_key IN (?, number_index(?))`,
} as const;

const readCaller = (db: Database, numberKey: string): CallerRow | null => {
  const blind = statement(db, CALLER_LOOKUP_SQL.anyBlindIndex).get() !== undefined;
  const row = blind
    ? statement(db, CALLER_LOOKUP_SQL.both).get(numberKey, numberKey)
    : statement(db, CALLER_LOOKUP_SQL.clear).get(numberKey);
  return (row as CallerRow | undefined) ?? null;
};

/** In one snapshot, so a conversion batch cannot move the row between the probe and the lookup. */
export const callerByKey = (db: Database, numberKey: string): CallerRow | null =>
  db.inTransaction ? readCaller(db, numberKey) : db.transaction(readCaller)(db, numberKey);

export const callerIdByKey = (db: Database, numberKey: string | null): string | null =>
  numberKey === null ? null : (callerByKey(db, numberKey)?.id ?? null);

/** A caller row without an outbox item: the platform's (pulled), the demo generator's, or inside a write that queues its own. */
export const insertCallerRow = (db: Database, caller: CallerInsert): void => {
  statement(
    db,
    `INSERT INTO callers (id, number_key, number_sealed, number_kind, name, tags_json, confidential, region_code, created_at, updated_at)
     VALUES (?, caller_key(?), seal_or_null(?), ?, seal(?), ?, ?, ?, ?, ?)`,
  ).run(
    caller.id,
    caller.numberKey,
    caller.numberKey,
    caller.numberKind,
    caller.name,
    JSON.stringify(caller.tags),
    caller.confidential ? 1 : 0,
    caller.regionCode,
    caller.createdAt,
    caller.createdAt,
  );
};
