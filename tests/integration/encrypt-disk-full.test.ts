import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newDatabaseKey } from '../../main/db/encryption/database-key';
import { databaseFileState } from '../../main/db/encryption/sqlite-header';
import { openDatabase } from '../../main/db/open-database';
import { workOrderRepo } from '../../main/workorders/work-order-repo';
import { demoOrder } from '../harness/demo-order';

/** A 24 MB tmpfs of its own: filled without touching the machine's disk (root, as in CI). */
const mountSmallDisk = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-encrypt-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=0700', 'tmpfs', dir], { stdio: 'pipe' });
  return dir;
};
let mounted: string | null = null;
afterEach(() => {
  if (mounted) execFileSync('umount', [mounted]);
  if (mounted) rmSync(mounted, { recursive: true, force: true });
  mounted = null;
});

const fillAllBut = (dir: string, keepBytes: number): string => {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 4096])
      for (;;) {
        try {
          writeSync(fd, Buffer.alloc(size));
        } catch {
          break;
        }
      }
  } finally {
    closeSync(fd);
  }
  // Give back a little: enough for SQLite to open, far from enough for a copy.
  execFileSync('truncate', ['-s', `-${keepBytes}`, filler]);
  return filler;
};

describe('encrypting a plain profile on a full disk', () => {
  it('says the disk is full in words an agent can pass on, leaves the plain database whole, and succeeds once there is room', () => {
    mounted = mountSmallDisk();
    const file = join(mounted, 'minsheng-desk.sqlite');
    const plain = openDatabase({ file }).db;
    for (let index = 0; index < 2500; index += 1)
      workOrderRepo.create(plain, demoOrder({ content: '夜间施工噪音扰民，要求处理。'.repeat(8) }));
    plain.close();
    const filler = fillAllBut(mounted, 256 * 1024);

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
