import { describe, expect, it } from 'vitest';
import { callerByKey } from '../../../../main/callers/callers-repo';
import { openDatabase, openReadConnection } from '../../../../main/db/open-database';
import { sealingRepo } from '../../../../main/fields/sealing-repo';
import { screenPopRepo } from '../../../../main/history/screen-pop-repo';
import { databaseFile } from '../../../../main/profile/database-file';
import { settingsRepo } from '../../../../main/settings/settings-repo';
import { seedCallerHistory } from '../../../harness/history-fixtures';
import { profileKey } from '../../../harness/profile-database';
import { useTempDirs } from '../../../harness/temp-dir';

const tempDir = useTempDirs();
const NUMBERS = Array.from({ length: 30 }, (_, index) => `1391234${String(index).padStart(4, '0')}`);

const open = (profile: string) => openDatabase({ file: databaseFile(profile), key: profileKey(profile) }).db;

describe('converting a profile to SM4 in batches (real SQLite file)', () => {
  it('reads every caller in both forms mid-way, across a restart, and resumes where it stopped', () => {
    const profile = tempDir();
    let db = open(profile);
    for (const [index, numberKey] of NUMBERS.entries()) {
      seedCallerHistory(db, { numberKey, name: `来电人${index}`, open: 1, closed: 1, calls: 2, now: new Date() });
    }
    settingsRepo.writeAll(db, { fieldCipher: 'sm4' });
    // Three batches of 10 rows: the callers table is a third converted when the console "crashes".
    for (let batch = 0; batch < 2; batch += 1) sealingRepo.convertBatch(db, 10);
    const midway = db.prepare("SELECT count(*) FROM callers WHERE number_key LIKE 'bi1:%'").pluck().get();
    expect(midway).toBe(20);
    db.close();

    db = open(profile);
    expect(sealingRepo.progress(db)).toMatchObject({ mode: 'sm4', table: 0, after: 20, done: false });
    for (const [index, numberKey] of NUMBERS.entries()) {
      const caller = callerByKey(db, numberKey);
      expect(caller).toMatchObject({ number_key: numberKey, name: `来电人${index}` });
      const rows = screenPopRepo.lookup(db, { numberKey, since: '2000-01-01', limit: 10 });
      expect(rows?.openOrders).toHaveLength(1);
    }
    let batches = 0;
    while (!sealingRepo.convertBatch(db, 10).done) batches += 1;
    expect(batches).toBeGreaterThan(5);
    expect(sealingRepo.census(db).filter((column) => column.clear > 0)).toEqual([]);
    expect(callerByKey(db, NUMBERS[7]!)).toMatchObject({ number_key: NUMBERS[7], name: '来电人7' });

    // The blind index is looked up through the unique index, not by scanning callers.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM callers WHERE number_key IN ('x', number_index('x'))").all() as {
      detail: string;
    }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_callers/);
    db.close();
  });

  it('a reader opened before SM4 was switched on finds callers in whichever form the writer left them', () => {
    const profile = tempDir();
    const writer = open(profile);
    for (const [index, numberKey] of NUMBERS.slice(0, 12).entries())
      seedCallerHistory(writer, { numberKey, name: `来电人${index}`, open: 1, closed: 0, calls: 1, now: new Date() });
    const reader = openReadConnection({ file: databaseFile(profile), key: profileKey(profile) }).db;
    const found = () => NUMBERS.slice(0, 12).filter((numberKey) => callerByKey(reader, numberKey)?.number_key === numberKey);
    expect(found()).toHaveLength(12);

    settingsRepo.writeAll(writer, { fieldCipher: 'sm4' });
    sealingRepo.convertBatch(writer, 5);
    expect(found()).toHaveLength(12);
    while (!sealingRepo.convertBatch(writer, 5).done);
    expect(writer.prepare("SELECT count(*) FROM callers WHERE number_key LIKE 'bi1:%'").pluck().get()).toBe(12);
    expect(found()).toHaveLength(12);
    expect(screenPopRepo.lookup(reader, { numberKey: NUMBERS[3]!, since: '2000-01-01', limit: 10 })?.openOrders).toHaveLength(1);

    // And back: mid-way, then with every key clear again (the blind index no longer computed).
    settingsRepo.writeAll(writer, { fieldCipher: 'none' });
    sealingRepo.convertBatch(writer, 5);
    expect(found()).toHaveLength(12);
    while (!sealingRepo.convertBatch(writer, 5).done);
    expect(writer.prepare("SELECT count(*) FROM callers WHERE number_key LIKE 'bi1:%'").pluck().get()).toBe(0);
    expect(found()).toHaveLength(12);
    reader.close();
    writer.close();
  });

  it('refuses a sealed value that was edited in the file, naming the problem instead of showing garbage', () => {
    const profile = tempDir();
    const db = open(profile);
    settingsRepo.writeAll(db, { fieldCipher: 'sm4' });
    seedCallerHistory(db, { numberKey: NUMBERS[0]!, name: '王芳', open: 1, closed: 0, calls: 0, now: new Date() });
    const stored = db.prepare('SELECT name FROM callers').pluck().get() as string;
    expect(stored).toMatch(/^sm4:1:/);
    const edited = `${stored.slice(0, -4)}AAA=`;
    db.prepare('UPDATE callers SET name = ?').run(edited);
    expect(() => callerByKey(db, NUMBERS[0]!)).toThrow(/敏感字段无法解密/);
    db.close();
  });
});
