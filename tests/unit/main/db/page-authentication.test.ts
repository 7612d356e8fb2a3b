import { openSync, readSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDatabaseKey } from '../../../../main/db/encryption/database-key';
import { openDatabase } from '../../../../main/db/open-database';
import { workOrderRepo } from '../../../../main/workorders/work-order-repo';
import { demoOrder } from '../../../harness/demo-order';
import { useTempDirs } from '../../../harness/temp-dir';

const tempDir = useTempDirs();

describe('pages encrypted with AEGIS-128L', () => {
  it('a single byte changed in the file is refused when that page is read, instead of read as garbage', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const key = newDatabaseKey();
    const { db } = openDatabase({ file, key });
    for (let index = 0; index < 400; index += 1) {
      workOrderRepo.create(
        db,
        demoOrder({ contactNumber: `139${String(index).padStart(8, '0')}`, content: '油烟直排，影响居民生活。'.repeat(8) }),
      );
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    // One byte in the middle of the file, well inside some table page.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, Math.floor(size / 2));
    byte[0] = (byte[0] ?? 0) ^ 0x40;
    writeSync(fd, byte, 0, 1, Math.floor(size / 2));
    closeSync(fd);

    const reopened = openDatabase({ file, key }).db;
    try {
      expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
      let outcome: string;
      try {
        outcome = String(reopened.pragma('integrity_check', { simple: true }));
      } catch (error) {
        outcome = `${(error as { code?: string }).code}: ${String(error)}`;
      }
      // The page holding the byte is refused as a whole (its tag no longer matches): SQLite cannot get it at all.
      const page = Math.floor(Math.floor(size / 2) / 4096) + 1;
      expect(outcome).toContain(`page ${page}: unable to get the page. error code=11`);
    } finally {
      reopened.close();
    }
  });
});
