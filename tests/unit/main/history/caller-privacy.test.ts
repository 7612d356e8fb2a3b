import { openProfileDb, profileKey } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { CallContext, CallRecord, ScreenPop } from '../../../../preload/contract';
import { callerIdentityFromInvite, privacyRequested } from '../../../../main/callers/domain/sip-identity';
import { openDatabase } from '../../../../main/db/open-database';
import { databaseFile } from '../../../../main/profile/database-file';
import { seedCallerHistory } from '../../../harness/history-fixtures';
import { useTempDirs } from '../../../harness/temp-dir';
import { startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

/** An inbound call record at ring, as the softphone writes it; override what the case is about. */
const ringRecord = (overrides: Partial<CallRecord> & Pick<CallRecord, 'id'>): CallRecord => ({
  purpose: 'citizen',
  trainingScenarioId: null,
  mos: null,
  sipCallId: 'abc@pbx',
  direction: 'inbound',
  from: '<sip:13812345678@carrier.example>;tag=1',
  pAssertedIdentity: null,
  privacy: null,
  remoteNumber: '13812345678',
  ringAt: '2026-12-01T08:00:00.000Z',
  answerAt: null,
  endAt: null,
  endCause: null,
  transferTarget: null,
  ...overrides,
});

describe('caller identity at the edges', () => {
  it('a quoted display name containing < keeps the number', () => {
    const identity = callerIdentityFromInvite({ from: '"A<B" <sip:13812345678@x.example>;tag=1' });
    expect(identity.number.key).toBe('13812345678');
    expect(identity.displayName).toBe('A<B');
  });

  it('a From of several kilobytes with a valid number in the URI still identifies the caller', () => {
    const from = `"${'很长的名字'.repeat(400)}" <sip:+8613812345678@carrier.example;user=phone>;tag=1;${'x=1;'.repeat(200)}`;
    expect(from.length).toBeGreaterThan(2000);
    expect(callerIdentityFromInvite({ from }).number.key).toBe('13812345678');
  });

  it('Privacy: id (and user, header) is a request for confidentiality; none is not', () => {
    expect(privacyRequested('id')).toBe(true);
    expect(privacyRequested('user;id')).toBe(true);
    expect(privacyRequested('header, critical')).toBe(true);
    expect(privacyRequested('none')).toBe(false);
    expect(privacyRequested(undefined)).toBe(false);
  });
});

describe('a caller who withheld the number (real SQLite, through the contract)', () => {
  it('is masked in the screen-pop without a name, flagged on the call record, and revealed only with an audit entry', async () => {
    const profile = tempDir();
    const services = await startTestServices(profile);
    const callId = '0192f0e4-6a1b-4c3d-8e4f-5a6b7c8d9e0f';
    try {
      const headers = { from: '"王芳" <sip:13812345678@carrier.example>;tag=9', privacy: 'id', callId };
      const pop = await services.dispatch('history.screenPop', headers, context);
      expect(pop.ok).toBe(true);
      const value = (pop as { value: ScreenPop }).value;
      expect(value.number).toMatchObject({ display: '138****5678', masked: true });
      expect(value.displayName).toBeNull();
      expect(value.privacyRequested).toBe(true);

      const record = ringRecord({ id: callId, from: headers.from, privacy: 'id' });
      expect((await services.dispatch('phone.recordCall', record, context)).ok).toBe(true);
      const revealed = await services.dispatch('history.revealNumber', { callId, screen: 'caller-panel' }, context);
      expect(revealed).toMatchObject({ ok: true, value: { display: '138 1234 5678' } });
    } finally {
      await services.close();
    }
    const db = openProfileDb(profile, { readonly: true });
    expect(db.prepare('SELECT privacy_requested FROM calls WHERE id = ?').pluck().get(callId)).toBe(1);
    expect(db.prepare("SELECT detail FROM audit_log WHERE action = 'reveal_number'").pluck().all()).toEqual([`call:${callId}`]);
    db.close();
  });
});

describe('通话记录 masks like the caller panel', () => {
  it('a confidential caller’s number is masked in the recent calls, and 显示 there is audited', async () => {
    const profile = tempDir();
    {
      const { db } = openDatabase({ file: databaseFile(profile), key: profileKey(profile) });
      seedCallerHistory(db, {
        numberKey: '13812345678',
        name: '王芳',
        open: 0,
        closed: 0,
        calls: 0,
        confidential: true,
        now: new Date(),
      });
      db.close();
    }
    const services = await startTestServices(profile);
    const callId = '0192f0e4-6a1b-4c3d-8e4f-5a6b7c8d9e1f';
    try {
      const record = ringRecord({ id: callId, sipCallId: 'conf@pbx' });
      expect((await services.dispatch('phone.recordCall', record, context)).ok).toBe(true);
      const recent = await services.dispatch('phone.recentCalls', { limit: 20 }, context);
      expect(recent).toMatchObject({ ok: true, value: [{ id: callId, remoteNumber: '138****5678', masked: true }] });
      const revealed = await services.dispatch('history.revealNumber', { callId, screen: 'call-history' }, context);
      expect(revealed).toMatchObject({ ok: true, value: { display: '138 1234 5678' } });
    } finally {
      await services.close();
    }
    const db = openProfileDb(profile, { readonly: true });
    expect(db.prepare("SELECT screen FROM audit_log WHERE action = 'reveal_number'").pluck().all()).toEqual(['call-history']);
    db.close();
  });
});
