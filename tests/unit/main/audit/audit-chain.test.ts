import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { defaultKeyFile } from '../../../../main/db/encryption/key-file';
import { openProfileDb } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import { GENESIS, auditHash, verifyReceivedChain } from '../../../../main/audit/domain/audit-chain';
import { databaseFile } from '../../../../main/profile/database-file';
import { useTempDirs } from '../../../harness/temp-dir';
import { configureForOrders, startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context = { transport: 'test' as const, origin: 'test://' };

/** A profile with audit entries written the way the console writes them: settings saved, numbers revealed. */
const auditedProfile = async (): Promise<string> => {
  const dir = tempDir();
  const services = await startTestServices(dir);
  await configureForOrders(services, 'SZ-0042');
  for (const detail of ['a', 'b', 'c'])
    await services.db.repos.audit.append({
      actor: 'SZ-0042',
      action: 'reveal_number',
      screen: 'screenPop',
      detail,
      at: new Date().toISOString(),
    });
  await services.dispatch(
    'settings.save',
    {
      pbxServers: [],
      sipExtension: '8001',
      sipAuthUser: '',
      displayName: '',
      platformUrl: '',
      centreCode: '320505',
      agentId: 'SZ-0042',
    },
    context,
  );
  await services.close();
  return dir;
};

const verify = (dir: string) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'main/audit/audit-cli.ts', 'verify', '--profile', dir], {
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout + run.stderr };
};

/** A copy of the profile an attacker works on, the append-only triggers dropped. */
const tampered = (dir: string, change: (db: BetterSqlite3.Database) => void): string => {
  const copy = join(tempDir(), 'profile');
  mkdirSync(copy, { recursive: true });
  const source = openProfileDb(dir);
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  copyFileSync(databaseFile(dir), databaseFile(copy));
  copyFileSync(defaultKeyFile(dir), defaultKeyFile(copy));
  const db = openProfileDb(copy);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  change(db);
  db.close();
  return copy;
};

describe('the audit log is a hash chain', () => {
  it('verifies intact, and names an edited, a deleted and a reordered entry', async () => {
    const dir = await auditedProfile();
    const intact = verify(dir);
    expect(intact.out).toContain('审计日志完整：5 条');
    expect(intact.code).toBe(0);

    const db = openProfileDb(dir, { readonly: true });
    const rows = db.prepare('SELECT seq, id, action, detail FROM audit_log ORDER BY seq').all() as {
      seq: number;
      id: string;
      action: string;
      detail: string;
    }[];
    db.close();
    expect(rows.map((row) => row.action)).toEqual([
      'settings_changed',
      'reveal_number',
      'reveal_number',
      'reveal_number',
      'settings_changed',
    ]);
    // Which settings changed, never their values.
    expect(rows[4]!.detail).toBe('sipExtension');

    const edited = verify(
      tampered(dir, (copy) => copy.prepare("UPDATE audit_log SET detail = 'x' WHERE id = ?").run(rows[2]!.id)),
    );
    expect(edited.code).toBe(1);
    expect(edited.out).toContain(`${rows[2]!.id}：内容被改动`);

    const deleted = verify(tampered(dir, (copy) => copy.prepare('DELETE FROM audit_log WHERE id = ?').run(rows[2]!.id)));
    expect(deleted.code).toBe(1);
    expect(deleted.out).toContain(`${rows[3]!.id}：前后链接断开`);

    const reordered = verify(
      tampered(dir, (copy) => {
        copy.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(rows[1]!.seq);
        copy.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(rows[1]!.seq, rows[2]!.seq);
        copy.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(rows[2]!.seq);
      }),
    );
    expect(reordered.code).toBe(1);
    expect(reordered.out).toContain('前后链接断开');
  }, 30_000);

  it('checks a profile still encrypted with the earlier scheme (AES-256-CBC) without converting it', async () => {
    const dir = await auditedProfile();
    const legacy = tampered(dir, (db) => {
      // What a console before AEGIS left: the same rows, the same key, the other page cipher.
      const key = readFileSync(defaultKeyFile(dir), 'utf8').trim();
      db.pragma('journal_mode = DELETE');
      db.pragma("cipher = 'aes256cbc'");
      db.pragma(`hexrekey = '${key}'`);
    });
    const before = readFileSync(databaseFile(legacy));
    const checked = verify(legacy);
    expect(checked.out).toMatch(/审计日志完整：\d+ 条/);
    expect(checked.code).toBe(0);
    expect(readFileSync(databaseFile(legacy)).equals(before)).toBe(true);
  }, 30_000);

  it('says when there is no profile to check', () => {
    const missing = verify(join(tempDir(), 'nowhere'));
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('找不到数据库');
  });
});

describe('a platform checking what it received', () => {
  const entry = (prevHash: string, id: string, detail = id) => {
    const fields = {
      id,
      at: '2026-12-02T00:00:00Z',
      actor: 'A',
      action: 'reveal_number',
      screen: 's',
      callerId: null,
      workOrderId: null,
      detail,
      consoleId: 'c',
    };
    return { ...fields, prevHash, hash: auditHash(prevHash, fields) };
  };
  const first = entry(GENESIS, 'e1');
  const second = entry(first.hash, 'e2');
  const third = entry(second.hash, 'e3');

  it('accepts a chain in any arrival order, and flags an edit, a gap and a fork', () => {
    expect(verifyReceivedChain([third, first, second])).toEqual([]);
    expect(verifyReceivedChain([first, { ...second, detail: 'changed' }, third])).toEqual([{ kind: 'edited', id: 'e2' }]);
    expect(verifyReceivedChain([first, third])).toEqual([{ kind: 'gap', id: 'e3' }]);
    const rewritten = entry(first.hash, 'e2b');
    expect(verifyReceivedChain([first, second, third, rewritten])).toEqual([{ kind: 'fork', id: 'e2b' }]);
  });
});
