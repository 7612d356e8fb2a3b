import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newDatabaseKey } from '../../main/db/encryption/database-key';
import { databaseFileState } from '../../main/db/encryption/sqlite-header';
import { openDatabase } from '../../main/db/open-database';
import { workOrderRepo } from '../../main/workorders/work-order-repo';
import { demoOrder } from '../harness/demo-order';
import { fillDisk, mountSmallDisk, unmountSmallDisk } from '../harness/small-disk';

let mounted: string | null = null;
afterEach(() => {
  if (mounted) unmountSmallDisk(mounted);
  mounted = null;
});

describe('encrypting a plain profile on a full disk', () => {
  it('says the disk is full in words an agent can pass on, leaves the plain database whole, and succeeds once there is room', () => {
    mounted = mountSmallDisk(24, 'minsheng-encrypt-full-');
    if (!mounted) throw new Error('needs root to mount a tmpfs (CI runs as root)');
    const file = join(mounted, 'minsheng-desk.sqlite');
    const plain = openDatabase({ file }).db;
    for (let index = 0; index < 2500; index += 1)
      workOrderRepo.create(plain, demoOrder({ content: '夜间施工噪音扰民，要求处理。'.repeat(8) }));
    plain.close();
    const filler = fillDisk(mounted);
    // Give back a little: enough for SQLite to open, far from enough for a copy.
    execFileSync('truncate', ['-s', `-${256 * 1024}`, filler]);

    const key = newDatabaseKey();
    expect(() => openDatabase({ file, key })).toThrow(/磁盘空间不足，无法加密本地数据库.*原数据库未改动/);
    expect(databaseFileState(file)).toBe('plain');
    expect(readdirSync(mounted).filter((name) => name.includes('.encrypting'))).toEqual([]);
    const check = openDatabase({ file }).db;
    expect(check.prepare('SELECT count(*) FROM work_orders').pluck().get()).toBe(2500);
    check.close();

    rmSync(filler);
    const { db } = openDatabase({ file, key });
    expect(db.prepare('SELECT count(*) FROM work_orders').pluck().get()).toBe(2500);
    db.close();
    expect(databaseFileState(file)).toBe('encrypted');
  });
});
