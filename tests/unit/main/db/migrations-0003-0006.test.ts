import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/db/migrate';
import { migrations } from '../../../../main/db/migrations';

/** A database at `version`, as an older console left it. */
const at = (version: number): Database => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    migrations.filter((migration) => migration.version <= version),
  );
  return db;
};
const upTo = (db: Database, version: number) =>
  migrate(
    db,
    migrations.filter((migration) => migration.version <= version),
  );

const insertCaller = (db: Database) =>
  db
    .prepare(
      "INSERT INTO callers (id, number_key, number_kind, name, created_at, updated_at) VALUES ('c1', '13812345678', 'mobile', '王芳', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
    )
    .run();

describe('migrations 0003–0006 on a database an older version left', () => {
  it('0003 keeps the callers, and drafts refuse broken JSON and orders that do not exist', () => {
    const db = at(2);
    insertCaller(db);
    upTo(db, 3);
    expect(db.prepare('SELECT name FROM callers').pluck().all()).toEqual(['王芳']);
    const draft = db.prepare(
      'INSERT INTO intake_drafts (id, call_ref, form_json, revision, created_at, updated_at, work_order_id) VALUES (?, NULL, ?, 1, ?, ?, ?)',
    );
    draft.run('d1', '{"title":"停水"}', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', null);
    expect(() => draft.run('d2', '{broken', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', null)).toThrow(/CHECK/);
    expect(() => draft.run('d3', '{}', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', 'no-such-order')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO work_order_sequences (china_date, last) VALUES ('2026-12-01', 'x')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.close();
  });

  it('0004 gives a searchable index and a usage log that takes only cited / no_result', () => {
    const db = at(3);
    upTo(db, 4);
    const usage = db.prepare(
      "INSERT INTO kb_usage (id, kind, entry_id, query, at, actor) VALUES (?, ?, NULL, '公积金', '2026-12-01T00:00:00Z', 'A1')",
    );
    usage.run('u1', 'no_result');
    expect(() => usage.run('u2', 'liked')).toThrow(/CHECK/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'kb_fts'").pluck().get()).toBe(1);
    db.close();
  });

  it('0005 keeps one cursor per stream and refuses a reference document that is not JSON', () => {
    const db = at(4);
    upTo(db, 5);
    const cursor = db.prepare(
      "INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES ('kb_entries', ?, '2026-12-01T00:00:00Z')",
    );
    cursor.run(10);
    expect(() => cursor.run(11)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO reference_docs (kind, id, version, data_json, updated_at) VALUES ('holidays', '2027', 1, 'nope', '2026-12-01T00:00:00Z')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('0006 records agent states and refuses a state the console does not have', () => {
    const db = at(5);
    db.prepare("INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES ('callers', 3, '2026-12-01T00:00:00Z')").run();
    upTo(db, 6);
    expect(db.prepare('SELECT cursor FROM sync_cursors').pluck().get()).toBe(3);
    const state = db.prepare(
      "INSERT INTO agent_states (id, agent_id, state, reason, at) VALUES (?, 'A1', ?, NULL, '2026-12-01T00:00:00Z')",
    );
    state.run('s1', 'wrap-up');
    expect(() => state.run('s2', 'asleep')).toThrow(/CHECK/);
    db.close();
  });
});
