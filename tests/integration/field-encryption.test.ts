import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallContext, CallRecord, ScreenPop, WorkOrderDetail } from '../../preload/contract';
import { openDatabase } from '../../main/db/open-database';
import { attachFieldFunctions } from '../../main/fields/field-functions';
import { SEALED_COLUMNS } from '../../main/fields/sealing-repo';
import { databaseFile } from '../../main/profile/database-file';
import type { DeskServices } from '../../main/services';
import { seedCallerHistory } from '../harness/history-fixtures';
import { decryptedCopy, openProfileDb, profileKey } from '../harness/profile-database';
import { useTempDirs } from '../harness/temp-dir';
import { citizenCallRecord } from '../harness/call-record';
import { configureForOrders, startTestServices } from '../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };
const SEEDED = { number: '13812345678', name: '王芳', address: '苏州市虎丘区狮山街道长江路 1 号' };
const CALLED_LATER = '13900001111';

const call = (id: string, remoteNumber: string, ringAt: string): CallRecord =>
  citizenCallRecord(remoteNumber, { id, ringAt, answerAt: ringAt, endAt: ringAt, endCause: 'caller_hangup' });

const recordCall = async (services: DeskServices, record: CallRecord): Promise<void> => {
  const result = await services.dispatch('phone.recordCall', record, context);
  expect(result.ok ? 'ok' : JSON.stringify(result)).toBe('ok');
};

const setFieldCipher = async (services: DeskServices, fieldCipher: 'none' | 'sm4'): Promise<void> => {
  const current = await services.settings.current();
  const saved = await services.dispatch('settings.save', { ...current, fieldCipher }, context);
  expect(saved.ok).toBe(true);
  // The conversion runs in the background, as in the console; the test waits for its saved position.
  await expect.poll(async () => (await services.db.repos.sealing.progress()).done, { timeout: 15_000 }).toBe(true);
};

const screenPop = async (services: DeskServices, number: string): Promise<ScreenPop> => {
  const pop = await services.dispatch('history.screenPop', { from: `<sip:${number}@carrier.example>;tag=2` }, context);
  expect(pop.ok).toBe(true);
  return (pop as { value: ScreenPop }).value;
};

/** What an inspector with the key reads in the raw columns (the SQL functions only to count). */
const rawColumns = (profile: string) => {
  const db = openProfileDb(profile, { readonly: true });
  attachFieldFunctions(db, null);
  const values = Object.entries(SEALED_COLUMNS).flatMap(([table, columns]) =>
    columns.flatMap((column) =>
      (db.prepare(`SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL`).pluck().all() as string[]).map((value) => ({
        column: `${table}.${column}`,
        value,
      })),
    ),
  );
  const keys = db.prepare('SELECT number_key FROM callers').pluck().all() as string[];
  db.close();
  return { values, keys };
};

/** The database decrypted page by page, as anyone holding the file key would read it. */
const decryptedBytes = (profile: string): Buffer =>
  readFileSync(decryptedCopy(databaseFile(profile), profileKey(profile), join(tempDir(), 'plain.sqlite')));

/** The reviewer's command, as IT would run it at the PC. */
const auditFields = (profile: string) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'main/audit/audit-cli.ts', 'fields', '--profile', profile], {
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout + run.stderr };
};

describe('SM4 field encryption, a centre setting (real SQLite, through the contract)', () => {
  it('seals what is there and what comes, still answers the screen-pop by blind index, and turns back', async () => {
    const profile = tempDir();
    {
      const { db } = openDatabase({ file: databaseFile(profile), key: profileKey(profile) });
      seedCallerHistory(db, { numberKey: SEEDED.number, name: SEEDED.name, open: 2, closed: 3, calls: 4, now: new Date() });
      db.close();
    }
    let services = await startTestServices(profile);
    let orderId: string;
    try {
      await configureForOrders(services, 'A0001');
      const before = await screenPop(services, SEEDED.number);
      orderId = before.openOrders[0]!.id;
      await setFieldCipher(services, 'sm4');

      // A call after the switch is written sealed at once.
      await recordCall(services, call('0192f0e4-6a1b-4c3d-8e4f-5a6b7c8d9e01', CALLED_LATER, new Date().toISOString()));
      await recordCall(services, call('0192f0e4-6a1b-4c3d-8e4f-5a6b7c8d9e02', SEEDED.number, new Date().toISOString()));

      const after = await screenPop(services, SEEDED.number);
      expect(after.caller).toMatchObject({ id: before.caller!.id, name: SEEDED.name });
      expect(after.openOrders.map((order) => order.title)).toEqual(before.openOrders.map((order) => order.title));
      expect(after.recentOrders).toHaveLength(before.recentOrders.length);
      expect(after.recentCalls).toHaveLength(before.recentCalls.length + 1);
      const detail = await services.dispatch('history.workOrder', { workOrderId: orderId }, context);
      expect(detail).toMatchObject({ ok: true, value: { address: SEEDED.address, title: before.openOrders[0]!.title } });
      expect((detail as { value: WorkOrderDetail }).value.events.map((event) => event.note)).toContain('派至城市管理局');
      const recent = await services.dispatch('phone.recentCalls', { limit: 5 }, context);
      const latest = (recent as { value: { remoteNumber: string | null }[] }).value.slice(0, 2);
      expect(latest.map((row) => row.remoteNumber)).toEqual([SEEDED.number, CALLED_LATER]);
      const revealed = await services.dispatch(
        'history.revealNumber',
        { callerId: before.caller!.id, screen: 'caller-panel' },
        context,
      );
      expect(revealed).toMatchObject({ ok: true, value: { display: '138 1234 5678' } });
    } finally {
      await services.close();
    }

    const sealed = rawColumns(profile);
    const clear = sealed.values.filter(({ value }) => !value.startsWith('sm4:1:') && !value.startsWith('"sm4:1:'));
    expect(clear.filter(({ value }) => value !== '' && value !== '{}')).toEqual([]);
    expect(sealed.values.length).toBeGreaterThan(20);
    expect(sealed.keys.every((key) => /^bi1:[0-9a-f]{32}$/.test(key))).toBe(true);
    expect(sealed.keys).toHaveLength(1);
    // Even with the file key (a copied PC with its keychain): no number, name or address in any page.
    const bytes = decryptedBytes(profile);
    for (const value of [SEEDED.number, CALLED_LATER, SEEDED.name, SEEDED.address]) {
      expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
    }

    const review = auditFields(profile);
    expect(review.out).toContain('SM4 国密逐字段加密');
    expect(review.out).toMatch(/work_orders\.content：已加密 5，明文 0，无法解密 0/);
    expect(review.out).toMatch(/盲索引 1，明文号码 0/);
    expect(review.code).toBe(0);

    services = await startTestServices(profile);
    try {
      // A restart keeps the setting: the next call is sealed too, and a caller first seen now is found again.
      await recordCall(services, call('0192f0e4-6a1b-4c3d-8e4f-5a6b7c8d9e03', CALLED_LATER, new Date().toISOString()));
      expect((await screenPop(services, SEEDED.number)).caller?.name).toBe(SEEDED.name);
      await setFieldCipher(services, 'none');
      const back = await screenPop(services, SEEDED.number);
      expect(back.caller?.name).toBe(SEEDED.name);
      const detail = await services.dispatch('history.workOrder', { workOrderId: orderId }, context);
      expect((detail as { value: WorkOrderDetail }).value.address).toBe(SEEDED.address);
    } finally {
      await services.close();
    }
    const cleared = rawColumns(profile);
    expect(cleared.values.filter(({ value }) => value.includes('sm4:1:'))).toEqual([]);
    expect(cleared.keys).toEqual([SEEDED.number]);
    expect(auditFields(profile)).toMatchObject({ code: 0, out: expect.stringContaining('不加密') as unknown });
  });
});
