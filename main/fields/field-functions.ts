import type { Database } from 'better-sqlite3-multiple-ciphers';
import { blindIndex, isBlindIndex } from './domain/blind-index';
import { deriveFieldKeys } from './domain/field-keys';
import { createFieldCipher, isSealed } from './domain/sm4-field-cipher';

/**
 * Field encryption lives in SQL functions registered on each connection, so the repositories say
 * `seal(?)` where they write a sensitive value and `unseal(col)` where they read one, and one
 * place decides whether a write is sealed: the centre setting `fieldCipher`, read from the settings
 * table when the connection opens and again whenever settings are written (settingsRepo).
 *
 *   seal(text)        SM4 when the setting says so, else the text; a sealed value stays as it is
 *   seal_or_null(t)   the sealed text when sealing, else NULL (callers.number_sealed)
 *   seal_json(json)   the same for JSON columns: a sealed value is stored as a JSON string literal
 *   reseal(v), reseal_json(v)  v in the form the setting asks for (converting a profile)
 *   unseal(stored)    the clear text of either form (clear text passes through)
 *   caller_key(key)   the key a caller row is written under: its blind index when sealing, else the key
 *   number_index(key) the blind index, whatever the setting: lookups ask for both forms
 */
export type FieldCipherMode = 'none' | 'sm4';

interface FieldState {
  mode: FieldCipherMode;
  readonly keyed: boolean;
}

const states = new WeakMap<Database, FieldState>();

const storedMode = (db: Database): FieldCipherMode => {
  try {
    const json = db.prepare("SELECT value_json FROM settings WHERE key = 'fieldCipher'").pluck().get() as string | undefined;
    return json !== undefined && JSON.parse(json) === 'sm4' ? 'sm4' : 'none';
  } catch {
    // Before the settings table exists (a fresh file mid-migration) nothing is sealed yet.
    return 'none';
  }
};

const NO_KEY = '这个数据库没有密钥，无法使用 SM4 字段加密';

export const attachFieldFunctions = (db: Database, databaseKeyHex: string | null): void => {
  const keys = databaseKeyHex ? deriveFieldKeys(databaseKeyHex) : null;
  const cipher = keys ? createFieldCipher(keys) : null;
  const state: FieldState = { mode: 'none', keyed: keys !== null };
  states.set(db, state);

  const open = (stored: string): string => {
    if (!isSealed(stored)) return stored;
    if (!cipher) throw new Error(NO_KEY);
    return cipher.open(stored);
  };
  const sealText = (text: string): string => (state.mode === 'sm4' && cipher && !isSealed(text) ? cipher.seal(text) : text);

  db.function('unseal', { deterministic: true }, (stored: unknown) => {
    if (typeof stored !== 'string') return stored as null;
    if (stored.startsWith('"sm4:')) return open(JSON.parse(stored) as string);
    return open(stored);
  });
  db.function('seal', (value: unknown) => (typeof value === 'string' ? sealText(value) : (value as null)));
  db.function('seal_or_null', (value: unknown) =>
    typeof value === 'string' && state.mode === 'sm4' && cipher ? sealText(value) : null,
  );
  db.function('seal_json', (json: unknown) => {
    if (typeof json !== 'string' || json.startsWith('"sm4:')) return json as null;
    return state.mode === 'sm4' && cipher ? JSON.stringify(cipher.seal(json)) : json;
  });
  // The walk that converts a profile (sealing-repo): a value already in the form the setting asks for is left as it is.
  db.function('reseal', (value: unknown) => {
    if (typeof value !== 'string') return value as null;
    return state.mode === 'sm4' ? sealText(value) : open(value);
  });
  db.function('reseal_json', (json: unknown) => {
    if (typeof json !== 'string') return json as null;
    const sealed = json.startsWith('"sm4:');
    if (state.mode === 'sm4' && cipher) return sealed ? json : JSON.stringify(cipher.seal(json));
    return sealed ? open(JSON.parse(json) as string) : json;
  });
  db.function('field_mode', () => state.mode);
  db.function('caller_key', (key: unknown) =>
    typeof key === 'string' && state.mode === 'sm4' && keys && !isBlindIndex(key) ? blindIndex(keys.index, key) : (key as null),
  );
  db.function('number_index', { deterministic: true }, (key: unknown) =>
    typeof key === 'string' && keys ? blindIndex(keys.index, key) : null,
  );
  state.mode = keys ? storedMode(db) : 'none';
};

/** Called after settings are written: later writes on this connection follow the new setting. */
export const refreshFieldMode = (db: Database): void => {
  const state = states.get(db);
  if (state) state.mode = state.keyed ? storedMode(db) : 'none';
};

export const fieldCipherOf = (db: Database): { mode: FieldCipherMode; keyed: boolean } | null => {
  const state = states.get(db);
  return state ? { mode: state.mode, keyed: state.keyed } : null;
};

/** Scratch and test databases that never went through openDatabase still get the functions (pass-through). */
export const ensureFieldFunctions = (db: Database): void => {
  if (!states.has(db)) attachFieldFunctions(db, null);
};
