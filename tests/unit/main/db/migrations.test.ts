import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate } from '../../../../main/db/migrate';
import { migration0001 } from '../../../../main/db/migrations/0001-settings';
import { latestSchemaVersion, migrations } from '../../../../main/db/migrations';
import { openDatabase } from '../../../../main/db/open-database';
import { useTempDirs } from '../../../harness/temp-dir';

const tempDir = useTempDirs();

const tables = (db: BetterSqlite3.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );

describe('migrations', () => {
  it('bring a new database to the latest version with WAL, full sync and foreign keys on', () => {
    const { db, schemaVersion } = openDatabase({ file: join(tempDir(), 'desk.sqlite') });
    expect(schemaVersion).toBe(latestSchemaVersion());
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopening an up-to-date database changes nothing', () => {
    const file = join(tempDir(), 'desk.sqlite');
    openDatabase({ file }).db.close();
    const { db, schemaVersion } = openDatabase({ file });
    expect(schemaVersion).toBe(latestSchemaVersion());
    db.close();
  });

  it('refuse a database written by a newer app, with a message naming both versions, and leave it untouched', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const future = new BetterSqlite3(file);
    future.exec('CREATE TABLE from_the_future (x TEXT)');
    future.pragma(`user_version = ${latestSchemaVersion() + 3}`);
    future.close();

    expect(() => openDatabase({ file })).toThrow(DatabaseTooNewError);
    expect(() => openDatabase({ file })).toThrow(new RegExp(`数据库版本 ${latestSchemaVersion() + 3}.*${latestSchemaVersion()}`));
    const after = new BetterSqlite3(file);
    expect(after.pragma('user_version', { simple: true })).toBe(latestSchemaVersion() + 3);
    expect(tables(after)).toEqual(['from_the_future']);
    after.close();
  });

  it('refuse a list whose numbering has a gap', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ ...migration0001, version: 2 }])).toThrow(/expected 1/);
    db.close();
  });

  it('roll a failing migration back whole, version included', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = {
      version: 2,
      name: 'broken',
      up: (d: BetterSqlite3.Database) => {
        d.exec('CREATE TABLE half_done (x TEXT)');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, [migration0001, broken])).toThrow('disk on fire');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });
});

describe('0001 settings and secrets', () => {
  it('creates strict key/value tables that refuse a non-text key', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [migration0001]);
    expect(tables(db)).toEqual(['secrets', 'settings']);
    db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)').run('a', '1', 'now');
    expect(() =>
      db.prepare('INSERT INTO secrets (name, ciphertext, updated_at) VALUES (?, ?, ?)').run('x', 'not-a-blob', 'now'),
    ).toThrow(/cannot store TEXT value in BLOB column/);
    db.close();
  });
});
