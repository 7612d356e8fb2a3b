import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticsBundleView } from '../../preload/contract';
import { seedDemoData } from '../../main/demo/seed-demo-data';
import { openDatabase } from '../../main/db/open-database';
import { databaseFile } from '../../main/profile/database-file';
import { openProfileDb, profileKey } from '../harness/profile-database';
import { startTestServices } from '../harness/test-services';
import { useTempDirs } from '../harness/temp-dir';
import { readZip } from '../harness/zip-reader';

const tempDir = useTempDirs();
const context = { transport: 'test' as const, origin: 'test://' };

/** Every name, number and address the profile holds, by kind, as stored (and mobiles as people write them). */
const personalData = (profile: string): Record<'numbers' | 'names' | 'addresses', string[]> => {
  const db = openProfileDb(profile, { readonly: true });
  const column = (sql: string) => (db.prepare(sql).pluck().all() as string[]).filter((value) => value.trim().length >= 2);
  try {
    const numbers = [
      ...column('SELECT number_key FROM callers'),
      ...column('SELECT contact_number FROM work_orders WHERE contact_number IS NOT NULL'),
    ];
    const dashed = numbers
      .filter((value) => /^1\d{10}$/.test(value))
      .map((value) => `${value.slice(0, 3)}-${value.slice(3, 7)}-${value.slice(7)}`);
    return {
      numbers: [...new Set([...numbers, ...dashed])],
      names: [
        ...new Set([
          ...column('SELECT name FROM callers WHERE name IS NOT NULL'),
          ...column('SELECT contact_name FROM work_orders WHERE contact_name IS NOT NULL'),
        ]),
      ],
      addresses: [...new Set(column('SELECT address FROM work_orders'))],
    };
  } finally {
    db.close();
  }
};

describe('the diagnostics bundle', () => {
  it('of a profile full of citizens’ data holds none of their numbers, names or addresses, even where a log line leaked them', async () => {
    const profile = tempDir();
    const seeding = openDatabase({ file: databaseFile(profile), key: profileKey(profile) }).db;
    const stats = seedDemoData(seeding, { scale: 'county', now: new Date() });
    seeding.close();
    const byKind = personalData(profile);
    const personal = [...byKind.numbers, ...byKind.names, ...byKind.addresses];
    expect(byKind.names.length).toBeGreaterThan(1000);
    expect(byKind.addresses.length).toBeGreaterThan(1000);

    // Logs are redacted where they are written; a bundle must hold even if an older version (or a
    // bug) leaked a caller into one, and a file that is not text at all must not stop it.
    mkdirSync(join(profile, 'logs'), { recursive: true });
    const leaked = [...byKind.names.slice(0, 15), ...byKind.addresses.slice(0, 15), ...byKind.numbers.slice(0, 10)];
    appendFileSync(
      join(profile, 'logs', 'desk.log.1'),
      `${leaked.map((value) => JSON.stringify({ event: 'old.leak', note: value })).join('\n')}\n`,
    );
    writeFileSync(
      join(profile, 'logs', 'desk.log.2'),
      Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256)),
    );

    const services = await startTestServices(profile, { logFile: join(profile, 'logs', 'desk.log') });
    const exported = await services.dispatch('diagnostics.export', undefined, context);
    if (!exported.ok) throw new Error(exported.error.message);
    const bundle = exported.value as DiagnosticsBundleView;
    await services.close();

    const files = readZip(Buffer.from(bundle.zipBase64, 'base64'));
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'README.txt',
        'versions.json',
        'settings.json',
        'database.json',
        'sync.json',
        'logs/desk.log',
        'logs/desk.log.1',
        'logs/desk.log.2',
      ]),
    );
    const text = [...files.values()].map((data) => data.toString('utf8')).join('\n');
    const found = personal.filter((value) => text.includes(value));
    expect(found).toEqual([]);
    expect(text.match(/old\.leak/g)).toHaveLength(40);
    expect(bundle.redactions).toBeGreaterThanOrEqual(40);
    const database = JSON.parse(files.get('database.json')!.toString('utf8')) as {
      rows: Record<string, number>;
      encrypted: boolean;
    };
    expect(database).toMatchObject({ encrypted: true, rows: { callers: stats.callers, work_orders: stats.workOrders } });

    // The command, for a PC whose console does not start: the same bundle, the same guarantee.
    const out = join(tempDir(), 'bundle.zip');
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'main/diagnostics/diagnostics-cli.ts', '--profile', profile, '--out', out],
      {
        encoding: 'utf8',
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('诊断包已写入');
    const fromCli = [...readZip(readFileSync(out)).values()].map((data) => data.toString('utf8')).join('\n');
    expect(fromCli).toContain('old.leak');
    expect(personal.filter((value) => fromCli.includes(value))).toEqual([]);
    const missing = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'main/diagnostics/diagnostics-cli.ts', '--profile', join(profile, 'nope')],
      {
        encoding: 'utf8',
      },
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到数据库');

    const db = openProfileDb(profile, { readonly: true });
    const audited = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export_diagnostics'").pluck().get();
    db.close();
    expect(audited).toBe(1);
  }, 60_000);
});
