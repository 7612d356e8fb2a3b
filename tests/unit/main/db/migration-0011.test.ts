import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/db/migrate';
import { migrations } from '../../../../main/db/migrations';
import { kbRepo } from '../../../../main/kb/kb-repo';

const upTo = (db: Database, version: number) =>
  migrate(
    db,
    migrations.filter((migration) => migration.version <= version),
  );

/** A profile as 0010 left it: entries indexed in kb_fts only, the bundled synonyms seeded. */
const olderProfile = (): Database => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  upTo(db, 10);
  db.prepare(
    "INSERT INTO kb_entries (rowid, id, version, kind, title, body, tags_json, updated_at) VALUES (320505000000, 'e1', 1, 'info', '往来港澳通行证签注', '探亲签注的材料。', '[\"出入境\"]', 'now')",
  ).run();
  db.prepare("INSERT INTO kb_synonyms (term, group_key) VALUES ('社保', '社保'), ('社会保险', '社保')").run();
  return db;
};

describe('migration 0011 (the encyclopedia learns)', () => {
  it('indexes the titles and tags already stored, so title searches find old entries', () => {
    const db = olderProfile();
    upTo(db, 11);
    expect(db.prepare('SELECT rowid FROM kb_title_fts WHERE kb_title_fts MATCH \'"签注"\'').pluck().all()).toEqual([
      320505000000,
    ]);
    expect(db.prepare('SELECT rowid FROM kb_title_fts WHERE kb_title_fts MATCH \'"出入" + "入境"\'').pluck().all()).toEqual([
      320505000000,
    ]);
    // The body is not in the title index.
    expect(db.prepare('SELECT rowid FROM kb_title_fts WHERE kb_title_fts MATCH \'"材料"\'').pluck().all()).toEqual([]);
    kbRepo.upsert(
      db,
      {
        id: 'e1',
        version: 2,
        kind: 'info',
        title: '户口迁出',
        body: '-',
        department: null,
        regionCode: '320505',
        timeLimit: null,
        place: null,
        phone: null,
        validFrom: null,
        validTo: null,
        tags: [],
        deleted: false,
      },
      'now',
    );
    expect(db.prepare('SELECT count(*) FROM kb_title_fts WHERE kb_title_fts MATCH \'"签注"\'').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM kb_title_fts WHERE kb_title_fts MATCH \'"迁出"\'').pluck().get()).toBe(1);
  });

  it('drops synonyms that were only the bundled seed, and keeps those the platform sent', () => {
    const seeded = olderProfile();
    upTo(seeded, 11);
    expect(seeded.prepare('SELECT count(*) FROM kb_synonyms').pluck().get()).toBe(0);
    const pulled = olderProfile();
    pulled.prepare("INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES ('kb_synonyms', 3, 'now')").run();
    upTo(pulled, 11);
    expect(pulled.prepare('SELECT count(*) FROM kb_synonyms').pluck().get()).toBe(2);
  });

  it('keeps one alias per query, region and entry, and refuses an empty query key', () => {
    const db = olderProfile();
    upTo(db, 11);
    const insert = db.prepare(
      "INSERT INTO kb_learned_aliases (query_key, entry_id, region_code, weight, citations, first_at, last_at) VALUES (?, 'e1', '320505', 1, 1, 'now', 'now')",
    );
    insert.run('签注');
    expect(() => insert.run('签注')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('')).toThrow(/CHECK/);
  });
});
