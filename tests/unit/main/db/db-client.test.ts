import { join } from 'node:path';
import { TEST_DB_WORKER } from '../../../harness/test-db-worker';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../../main/db/migrations';
import { useTempDirs } from '../../../harness/temp-dir';
import { openTestDbClient } from '../../../harness/test-services';
import { type SlowCall, openDbClient } from '../../../../main/db/db-client';
import { interactiveReads, repos } from '../../../../main/db/repos';
import { openDatabase, openReadConnection } from '../../../../main/db/open-database';

const tempDir = useTempDirs();

describe('database worker client', () => {
  it('runs repository calls on the worker and keeps the data in the SQLite file', async () => {
    const file = join(tempDir(), 'desk.sqlite');
    const client = await openTestDbClient(file);
    expect(client.schemaVersion).toBe(latestSchemaVersion());
    await client.repos.settings.writeAll({ sipExtension: '8001', pbxServers: ['wss://pbx.example:7443/ws'] });
    expect(await client.repos.settings.readAll()).toEqual({ sipExtension: '8001', pbxServers: ['wss://pbx.example:7443/ws'] });
    await client.close();

    const direct = new BetterSqlite3(file, { readonly: true });
    expect(direct.prepare("SELECT value_json FROM settings WHERE key = 'sipExtension'").pluck().get()).toBe('"8001"');
    direct.close();
  });

  it('reports a database from a newer app as DATABASE_TOO_NEW instead of opening it', async () => {
    const file = join(tempDir(), 'desk.sqlite');
    const future = new BetterSqlite3(file);
    future.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    future.close();
    await expect(openTestDbClient(file)).rejects.toMatchObject({
      code: 'DATABASE_TOO_NEW',
      message: expect.stringMatching(/升级民声坐席/),
    });
  });

  it('turns a failing operation into a rejected call without killing the worker', async () => {
    const client = await openTestDbClient(join(tempDir(), 'desk.sqlite'));
    await client.repos.settings.writeAll({ kept: 1 });
    // JSON.stringify(undefined) is undefined: the NOT NULL constraint fails inside the transaction.
    await expect(client.repos.settings.writeAll({ kept: 2, broken: undefined })).rejects.toThrow(/NOT NULL/);
    expect(await client.repos.settings.readAll()).toEqual({ kept: 1 });
    await client.close();
  });

  it('rejects calls after close', async () => {
    const client = await openTestDbClient(join(tempDir(), 'desk.sqlite'));
    await client.close();
    await expect(client.repos.settings.readAll()).rejects.toThrow(/closed/);
  });

  it('answers a caller-panel lookup while a 5 000-entry encyclopedia page is still being applied', async () => {
    const file = join(tempDir(), 'desk.sqlite');
    const slow: SlowCall[] = [];
    const client = await openDbClient({
      file,
      workerScript: TEST_DB_WORKER,
      onSlowCall: (call) => slow.push(call),
    });
    await client.readerOpened;
    const items = Array.from({ length: 5_000 }, (_, index) => ({
      seq: index + 1,
      op: 'upsert' as const,
      id: `kb-${index}`,
      version: 1,
      data: {
        id: `kb-${index}`,
        version: 1,
        kind: 'info',
        title: `社保卡补办 第${index}条`,
        body: '携带身份证到社保服务大厅办理。'.repeat(20),
      },
    }));
    let applied = false;
    const page = client.repos.pull.apply('kb_entries', items, 5_000, new Date().toISOString()).then((outcome) => {
      applied = true;
      return outcome;
    });
    const lookup = await client.repos.screenPop.lookup({ numberKey: '13800000000', since: '2026-01-01T00:00:00Z', limit: 20 });
    expect(lookup).toBeNull();
    expect(applied).toBe(false);
    expect((await page).applied).toBe(5_000);
    // The page itself is slow and reported as such, with no arguments (they hold citizens' data).
    expect(slow.find((call) => call.op === 'apply')).toMatchObject({ repo: 'pull', connection: 'writer' });
    expect(JSON.stringify(slow)).not.toContain('社保');
    expect(await client.repos.kb.count()).toBe(5_000);
    await client.close();
  });

  it('lists as interactive reads only operations the read-only connection can run', () => {
    const file = join(tempDir(), 'desk.sqlite');
    openDatabase({ file }).db.close();
    const reader = openReadConnection({ file }).db;
    expect(() => reader.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('x', '1', 'now')").run()).toThrow(
      /readonly|query_only/i,
    );
    const calls: Record<string, () => unknown> = {
      'screenPop.lookup': () => repos.screenPop.lookup(reader, { numberKey: '1', since: '2026-01-01', limit: 5 }),
      'screenPop.trainingCallers': () => repos.screenPop.trainingCallers(reader),
      'agentFigures.rows': () => repos.agentFigures.rows(reader, 'A0001', '2026-12-01T16:00:00.000Z'),
      'kb.search': () =>
        repos.kb.search(reader, {
          expression: '社保',
          callerRegion: null,
          today: '2026-12-02',
          kind: null,
          department: null,
          limit: 5,
        }),
      'kb.rankedSearch': () =>
        repos.kb.rankedSearch(reader, {
          words: [{ expression: '"社保"', texts: ['社保'] }],
          learnedIds: [],
          callerRegion: null,
          today: '2026-12-02',
          kind: null,
          department: null,
          limit: 5,
        }),
      'kbLearning.learnedFor': () =>
        repos.kbLearning.learnedFor(reader, { queryKey: '社保', regionCode: null, now: '2026-12-02T00:00:00Z' }),
      'kbLearning.lexicon': () => repos.kbLearning.lexicon(reader),
      'kb.entry': () => repos.kb.entry(reader, 'x'),
      'kb.synonymGroups': () => repos.kb.synonymGroups(reader),
      'kb.count': () => repos.kb.count(reader),
      'kb.departments': () => repos.kb.departments(reader),
      'intake.recentCategories': () => repos.intake.recentCategories(reader, 5),
      'intake.duplicates': () =>
        repos.intake.duplicates(reader, { callerKey: '1', regionCode: '320500', categoryCode: 'A', since: '2026-01-01' }),
      'settings.readAll': () => repos.settings.readAll(reader),
    };
    const listed = Object.entries(interactiveReads).flatMap(([repo, ops]) => (ops ?? []).map((op) => `${repo}.${op}`));
    expect(listed.sort()).toEqual(Object.keys(calls).sort());
    for (const name of listed) expect(calls[name], name).not.toThrow();
    reader.close();
  });
});
