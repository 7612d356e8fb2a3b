import { openProfileDb, profileKey } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { CallContext, CallRecord, PhoneAccount } from '../../../../preload/contract';
import { openDatabase } from '../../../../main/db/open-database';
import { phonePreferencesFrom } from '../../../../main/phone/domain/phone-preferences';
import { databaseFile } from '../../../../main/profile/database-file';
import { seedCallerHistory } from '../../../harness/history-fixtures';
import { useTempDirs } from '../../../harness/temp-dir';
import { startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

const ring: CallRecord = {
  id: '0192f0e4-6a1b-7c3d-8e4f-5a6b7c8d9e0f',
  purpose: 'citizen',
  trainingScenarioId: null,
  mos: null,
  sipCallId: 'abc@pbx',
  direction: 'inbound',
  from: '"王芳" <sip:13812345678@carrier.example>;tag=9',
  pAssertedIdentity: '<sip:+8613812345678@carrier.example;user=phone>',
  privacy: null,
  remoteNumber: '13812345678',
  ringAt: '2026-11-28T01:00:00.000Z',
  answerAt: null,
  endAt: null,
  endCause: null,
  transferTarget: null,
};

describe('call records and agent states (real SQLite, through the contract)', () => {
  it('writes the record at ring and completes it at answer and end, linked to the known caller, each step in the outbox', async () => {
    const profile = tempDir();
    {
      const { db } = openDatabase({ file: databaseFile(profile), key: profileKey(profile) });
      seedCallerHistory(db, { numberKey: '13812345678', name: '王芳', open: 0, closed: 1, calls: 0, now: new Date() });
      db.close();
    }
    const services = await startTestServices(profile);
    try {
      const record = (value: CallRecord) => services.dispatch('phone.recordCall', value, context);
      expect((await record(ring)).ok).toBe(true);
      await record({ ...ring, answerAt: '2026-11-28T01:00:05.000Z' });
      await record({
        ...ring,
        answerAt: '2026-11-28T01:00:05.000Z',
        endAt: '2026-11-28T01:03:00.000Z',
        endCause: 'transferred',
        transferTarget: '8002',
      });
      // A late duplicate of the ring write (a retry) must not reopen the call.
      await record(ring);
      const bad = await record({ ...ring, ringAt: 'yesterday' });
      expect(bad.ok).toBe(false);
    } finally {
      await services.close();
    }
    const db = openProfileDb(profile, { readonly: true });
    const row = db.prepare('SELECT * FROM calls WHERE id = ?').get(ring.id) as Record<string, unknown>;
    expect(row).toMatchObject({
      answer_at: '2026-11-28T01:00:05.000Z',
      end_at: '2026-11-28T01:03:00.000Z',
      end_cause: 'transferred',
      transfer_target: '8002',
      remote_number: '13812345678',
    });
    expect(row.caller_id).toBe(db.prepare("SELECT id FROM callers WHERE number_key = '13812345678'").pluck().get());
    const outbox = db.prepare("SELECT op FROM outbox WHERE stream = 'call' AND record_id = ? ORDER BY seq").pluck().all(ring.id);
    expect(outbox).toEqual(['create', 'update', 'update', 'update']);
    db.close();
  });

  it('keeps a training call on this PC: recorded as training, never in the outbox, never in the caller’s history', async () => {
    const profile = tempDir();
    {
      const { db } = openDatabase({ file: databaseFile(profile), key: profileKey(profile) });
      seedCallerHistory(db, { numberKey: '13812345678', name: '王芳', open: 1, closed: 0, calls: 2, now: new Date() });
      db.close();
    }
    const services = await startTestServices(profile);
    const pop = async () => {
      const result = await services.dispatch('history.screenPop', { from: ring.from ?? '' }, context);
      if (!result.ok) throw new Error(result.error.message);
      const value = result.value as { repeatCalls30d: number; recentCalls: unknown[] };
      return { repeat: value.repeatCalls30d, recent: value.recentCalls.length };
    };
    try {
      const before = await pop();
      expect(before.recent).toBe(2);
      const training: CallRecord = { ...ring, purpose: 'training', sipCallId: 'training-1', ringAt: new Date().toISOString() };
      expect((await services.dispatch('phone.recordCall', training, context)).ok).toBe(true);
      await services.dispatch(
        'phone.recordCall',
        { ...training, answerAt: training.ringAt, endAt: new Date().toISOString(), endCause: 'agent_hangup' },
        context,
      );
      expect(await pop()).toEqual(before);
      const recent = await services.dispatch('phone.recentCalls', { limit: 10 }, context);
      // 通话记录 (this console's own list) does show it, newest first, marked as training.
      expect(recent.ok && (recent.value as unknown[])[0]).toMatchObject({
        id: ring.id,
        purpose: 'training',
        endCause: 'agent_hangup',
      });
    } finally {
      await services.close();
    }
    const db = openProfileDb(profile, { readonly: true });
    expect(db.prepare('SELECT purpose FROM calls WHERE id = ?').pluck().get(ring.id)).toBe('training');
    expect(db.prepare("SELECT count(*) FROM outbox WHERE stream = 'call'").pluck().get()).toBe(0);
    db.close();
  });

  it('records agent state changes for the platform and gives the softphone its account', async () => {
    const profile = tempDir();
    const services = await startTestServices(profile);
    try {
      await services.dispatch(
        'settings.save',
        {
          pbxServers: ['wss://pbx.example:7443/ws'],
          sipExtension: '8001',
          sipAuthUser: '',
          displayName: '张坐席',
          platformUrl: '',
          centreCode: '320505',
          agentId: 'SZ-1',
        },
        context,
      );
      await services.dispatch('settings.saveSipPassword', { password: 'pw' }, context);
      const account = await services.dispatch('phone.account', undefined, context);
      expect(account.ok && (account.value as PhoneAccount)).toMatchObject({
        authUser: '8001',
        password: 'pw',
        preferences: { notReadyResponse: 480 },
      });
      const changed = await services.dispatch(
        'phone.agentStateChanged',
        { state: 'not-ready', reason: '用餐', phoneRegistered: false, at: new Date().toISOString() },
        context,
      );
      expect(changed.ok).toBe(true);
      const refused = await services.dispatch(
        'phone.agentStateChanged',
        { state: 'dancing', reason: null, phoneRegistered: true, at: new Date().toISOString() },
        context,
      );
      expect(refused.ok).toBe(false);
    } finally {
      await services.close();
    }
    const db = openProfileDb(profile, { readonly: true });
    expect(db.prepare('SELECT agent_id, state, reason, phone_registered FROM agent_states').all()).toEqual([
      { agent_id: 'SZ-1', state: 'not-ready', reason: '用餐', phone_registered: 0 },
    ]);
    expect(db.prepare("SELECT count(*) FROM outbox WHERE stream = 'agent_state'").pluck().get()).toBe(1);
    db.close();
  });

  it('refuses an agent state before an agent ID is configured: the platform never gets a state of nobody', async () => {
    const services = await startTestServices(tempDir());
    try {
      const refused = await services.dispatch(
        'phone.agentStateChanged',
        { state: 'ready', reason: null, phoneRegistered: true, at: new Date().toISOString() },
        context,
      );
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('坐席工号') } });
    } finally {
      await services.close();
    }
  });

  it('preferences stored by an older version fall back field by field, never as a whole', () => {
    const prefs = phonePreferencesFrom({ wrapUpSeconds: 45, notReadyResponse: 503, shortcuts: 'F1' });
    expect(prefs.wrapUpSeconds).toBe(45);
    expect(prefs.notReadyResponse).toBe(480);
    expect(prefs.shortcuts.answer).toBe('F2');
    expect(phonePreferencesFrom(null).notReadyReasons).toEqual(['小休', '用餐', '会议', '培训']);
  });
});
