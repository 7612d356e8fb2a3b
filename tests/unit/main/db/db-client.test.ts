import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../../main/db/migrations';
import { useTempDirs } from '../../../harness/temp-dir';
import { openTestDbClient } from '../../../harness/test-services';

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
});
