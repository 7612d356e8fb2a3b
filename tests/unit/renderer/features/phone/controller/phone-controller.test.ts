import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallRecord, DeskApi, PhoneAccount, Result } from '../../../../../../preload/contract';
import { defaultPhonePreferences } from '../../../../../../preload/contract/phone-contract';
import type { CallEngine, EngineCall, EngineEvent } from '../../../../../../renderer/features/phone/engine/call-engine';
import {
  answerClicked,
  blindTransferRequested,
  hangupClicked,
  holdToggled,
  phoneStarted,
  phoneStopped,
  trainingCallEnded,
  trainingCallPlaced,
} from '../../../../../../renderer/features/phone/phone-controller';
import { usePhoneStore } from '../../../../../../renderer/features/phone/phone-store';
import { provideDeskForTests } from '../../../../../../renderer/shared/desk/desk-client';

/** Records what the controller asks of the SIP stack; the test plays the network's answers. */
class FakeEngine implements CallEngine {
  readonly log: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private track<T>(entry: string, value: T): Promise<T> {
    this.log.push(entry);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return Promise.resolve().then(() => {
      this.inFlight -= 1;
      return value;
    });
  }
  emit(event: EngineEvent): void {
    this.listeners.forEach((listener) => listener(event));
  }
  connect = (account: { server: string }) => this.track(`connect ${account.server}`, undefined);
  register = () => this.track('register', undefined);
  dispose = () => {
    this.log.push('dispose');
    return Promise.resolve();
  };
  answer = (callId: string) => this.track(`answer ${callId}`, undefined);
  reject = (callId: string, status: number) => this.track(`reject ${callId} ${status}`, undefined);
  hangup = (callId: string) => this.track(`hangup ${callId}`, undefined);
  setHeld = (callId: string, held: boolean) => this.track(`hold ${callId} ${held}`, undefined);
  setMuted = (callId: string, muted: boolean) => void this.log.push(`mute ${callId} ${muted}`);
  sendDtmf = (callId: string, digit: string) => this.track(`dtmf ${callId} ${digit}`, undefined);
  dial = (target: string) => this.track(`dial ${target}`, 'out-1');
  blindTransfer = (callId: string, target: string) => this.track(`refer ${callId} ${target}`, undefined);
  attendedTransfer = (callId: string, consult: string) => this.track(`refer-replaces ${callId} ${consult}`, undefined);
  restartMedia = (callId: string) => this.track(`ice-restart ${callId}`, undefined);
  acceptMonitor = (callId: string) => this.track(`accept-monitor ${callId}`, undefined);
  dialMonitor = (target: string) => this.track(`dial-monitor ${target}`, 'monitor-1');
  setMonitorMode = (callId: string, mode: string) => this.track(`monitor-mode ${callId} ${mode}`, undefined);
  replaceMicrophone = () => Promise.resolve();
  remoteStream = () => null;
  sentTrack = () => null;
  sample = () => Promise.resolve(null);
  on = (listener: (event: EngineEvent) => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const ACCOUNT: PhoneAccount = {
  servers: ['wss://pbx1.example:7443/ws', 'wss://pbx2.example:7443/ws'],
  extension: '8001',
  authUser: '8001',
  displayName: '张坐席',
  password: 'secret',
  agentId: 'A1',
  preferences: defaultPhonePreferences,
};

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const call = (id: string, extra: Partial<EngineCall> = {}): EngineCall => ({
  id,
  purpose: 'citizen',
  direction: 'inbound',
  sipCallId: `sip-${id}`,
  from: '<sip:13812345678@carrier.example>;tag=1',
  pAssertedIdentity: null,
  privacy: null,
  remoteUser: '13812345678',
  replacesCallId: null,
  trainingScenarioId: null,
  receivedAt: 0,
  ...extra,
});

describe('phone controller (fake engine, real state machines)', () => {
  let engine: FakeEngine;
  let records: CallRecord[];
  let gate: { answer: { ring: true } | { ring: false; status: 480 | 486 }; started: number; ended: number };

  beforeEach(async () => {
    engine = new FakeEngine();
    records = [];
    gate = { answer: { ring: true }, started: 0, ended: 0 };
    provideDeskForTests({
      phone: {
        account: async () => ok(ACCOUNT),
        recordCall: async (record: CallRecord) => {
          records.push(record);
          return ok({ id: record.id });
        },
      },
    } as unknown as DeskApi);
    await phoneStarted(engine, {
      answerForIncomingCall: () => gate.answer,
      callStarted: () => (gate.started += 1),
      callEnded: () => (gate.ended += 1),
    });
    await settle();
  });

  afterEach(async () => {
    await phoneStopped();
  });

  const registered = async () => {
    engine.emit({ type: 'transportConnected' });
    await settle();
    engine.emit({ type: 'registered' });
    await settle();
  };

  it('registers on the first server, fails over to the next, never with two requests in flight', async () => {
    expect(engine.log).toContain('connect wss://pbx1.example:7443/ws');
    engine.emit({ type: 'transportFailed', error: 'refused' });
    await settle();
    expect(engine.log.at(-1)).toBe('connect wss://pbx2.example:7443/ws');
    await registered();
    expect(engine.log.filter((entry) => entry === 'register')).toHaveLength(1);
    expect(usePhoneStore.getState().registration.kind).toBe('registered');
    expect(engine.maxInFlight).toBe(1);
  });

  it('a refresh sip.js reports as failed leaves 已注册 at once, then connects and registers again after Retry-After', async () => {
    await registered();
    engine.log.length = 0;
    const before = Date.now();
    engine.emit({ type: 'registrationFailed', status: 503, retryAfterS: 1 });
    await settle();
    expect(usePhoneStore.getState().registration).toMatchObject({ kind: 'waiting', status: 503 });
    const state = usePhoneStore.getState().registration;
    expect(state.kind === 'waiting' && state.retryAt - before).toBeGreaterThanOrEqual(1_000);
    expect(engine.log).toEqual(['dispose']);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(engine.log.at(-1)).toBe('connect wss://pbx1.example:7443/ws');
    await registered();
    expect(usePhoneStore.getState().registration.kind).toBe('registered');
    expect(engine.maxInFlight).toBe(1);
  });

  it('saving settings that do not touch the account keeps the registration as it is', async () => {
    await registered();
    engine.log.length = 0;
    await phoneStarted(engine, {
      answerForIncomingCall: () => gate.answer,
      callStarted: () => undefined,
      callEnded: () => undefined,
    });
    await settle();
    expect(engine.log).toEqual([]);
    expect(usePhoneStore.getState().registration.kind).toBe('registered');
  });

  it('a lead’s INVITE whose permission main refuses is answered 403 before anything else, and never shows as a call', async () => {
    const checked: unknown[] = [];
    provideDeskForTests({
      phone: { account: async () => ok(ACCOUNT), recordCall: async (record: CallRecord) => ok({ id: record.id }) },
      monitor: {
        checkInvite: async (input: unknown) => {
          checked.push(input);
          return checked.length === 1
            ? ok({ accepted: false, reason: 'replayed' })
            : ok({ accepted: true, lead: 'L0001', modes: ['listen'], agentNotice: 'discreet' });
        },
      },
    } as unknown as DeskApi);
    await registered();
    const offer = (id: string, mode: 'listen' | 'barge') =>
      engine.emit({ type: 'monitorOffered', offer: { id, joinsCallId: 'c1', sipCallId: 'sip-c1', token: 't.s', mode } });
    offer('m1', 'listen');
    await settle();
    await settle();
    // Accepted, but for listening only: a barge asked for at the start is refused the same way.
    offer('m2', 'barge');
    await settle();
    await settle();
    expect(checked).toEqual([
      { token: 't.s', callId: 'sip-c1' },
      { token: 't.s', callId: 'sip-c1' },
    ]);
    expect(engine.log.filter((entry) => entry.startsWith('reject') || entry.startsWith('accept'))).toEqual([
      'reject m1 403',
      'reject m2 403',
    ]);
    expect(usePhoneStore.getState().calls).toEqual({});
    expect(usePhoneStore.getState().monitor).toBeNull();
  });

  it('a lost transport shows at once and reconnects, starting again with the first server', async () => {
    await registered();
    engine.log.length = 0;
    engine.emit({ type: 'transportLost', error: 'closed' });
    expect(usePhoneStore.getState().registration.kind).toBe('connecting');
    expect(usePhoneStore.getState().notice).toMatch(/中断/);
    await settle();
    expect(engine.log).toEqual(['dispose', 'connect wss://pbx1.example:7443/ws']);
  });

  it('a call refused by the agent state is rejected with that status and still recorded', async () => {
    await registered();
    gate.answer = { ring: false, status: 480 };
    engine.emit({ type: 'incoming', call: call('c1') });
    await settle();
    expect(engine.log).toContain('reject c1 480');
    expect(usePhoneStore.getState().incoming).toBeNull();
    engine.emit({ type: 'ended', callId: 'c1', reason: 'rejected', status: 480 });
    await settle();
    expect(records.map((record) => [record.endCause, record.ringAt !== null])).toEqual([
      [null, true],
      ['rejected', true],
    ]);
  });

  it('ring, answer, hang up: the record is written at each step with times and the cause', async () => {
    await registered();
    engine.emit({ type: 'incoming', call: call('c2') });
    expect(usePhoneStore.getState().incoming?.id).toBe('c2');
    expect(usePhoneStore.getState().calls.c2?.state.kind).toBe('ringing');
    answerClicked();
    await settle();
    expect(engine.log).toContain('answer c2');
    engine.emit({ type: 'established', callId: 'c2' });
    expect(gate.started).toBe(1);
    hangupClicked();
    await settle();
    expect(engine.log).toContain('hangup c2');
    engine.emit({ type: 'ended', callId: 'c2', reason: 'local', status: null });
    await settle();
    expect(gate.ended).toBe(1);
    const [ring, answered, ended] = records;
    expect(ring?.answerAt).toBeNull();
    expect(answered?.answerAt).not.toBeNull();
    expect(ended?.endCause).toBe('agent_hangup');
    expect(Date.parse(ended!.endAt!)).toBeGreaterThanOrEqual(Date.parse(ended!.answerAt!));
    expect(ended?.from).toBe('<sip:13812345678@carrier.example>;tag=1');
  });

  it('a second call while one is up is refused busy; the second half of an attended transfer is taken at once', async () => {
    await registered();
    engine.emit({ type: 'incoming', call: call('c3') });
    answerClicked();
    engine.emit({ type: 'established', callId: 'c3' });
    engine.emit({ type: 'incoming', call: call('c4') });
    await settle();
    expect(engine.log).toContain('reject c4 486');
    engine.emit({ type: 'incoming', call: call('c5', { replacesCallId: 'c3' }) });
    await settle();
    expect(engine.log).toContain('answer c5');
  });

  it('referred by the far end, the call we place carries on the old one: no consultation, 话后整理 only when it ends', async () => {
    await registered();
    engine.emit({ type: 'outgoing', call: call('r1', { purpose: 'outbound', direction: 'outbound' }) });
    engine.emit({ type: 'established', callId: 'r1' });
    engine.emit({ type: 'outgoing', call: call('r2', { purpose: 'outbound', direction: 'outbound', replacesCallId: 'r1' }) });
    await settle();
    expect(usePhoneStore.getState().calls['r2']).toMatchObject({ consult: false, purpose: 'outbound' });
    engine.emit({ type: 'established', callId: 'r2' });
    engine.emit({ type: 'ended', callId: 'r1', reason: 'replaced', status: null });
    await settle();
    expect(gate.ended).toBe(0);
    engine.emit({ type: 'ended', callId: 'r2', reason: 'remote', status: null });
    await settle();
    expect(gate.ended).toBe(1);
    expect(records.filter((record) => record.id === 'r2').map((record) => record.purpose)).not.toContain('consult');
  });

  it('the caller hanging up during a consultation leaves the consultation as the agent’s call', async () => {
    await registered();
    engine.emit({ type: 'incoming', call: call('m1') });
    answerClicked();
    engine.emit({ type: 'established', callId: 'm1' });
    engine.emit({ type: 'outgoing', call: call('m2', { purpose: 'outbound', direction: 'outbound', remoteUser: '8002' }) });
    engine.emit({ type: 'established', callId: 'm2' });
    await settle();
    expect(usePhoneStore.getState().calls['m2']?.consult).toBe(true);
    engine.emit({ type: 'ended', callId: 'm1', reason: 'remote', status: null });
    await settle();
    expect(usePhoneStore.getState().calls['m2']?.consult).toBe(false);
    expect(gate.ended).toBe(0);
    engine.emit({ type: 'ended', callId: 'm2', reason: 'remote', status: null });
    await settle();
    expect(gate.ended).toBe(1);
  });

  it('blind transfer REFERs the call and records the target', async () => {
    await registered();
    engine.emit({ type: 'incoming', call: call('c6') });
    answerClicked();
    engine.emit({ type: 'established', callId: 'c6' });
    await blindTransferRequested('8002');
    expect(engine.log).toContain('refer c6 8002');
    await settle();
    expect(records.at(-1)).toMatchObject({ endCause: 'transferred', transferTarget: '8002' });
    await blindTransferRequested('not a number');
    expect(usePhoneStore.getState().notice).toBe('转接号码格式不正确');
  });

  it('with auto-answer on, a ringing call is answered without a click', async () => {
    await phoneStopped();
    provideDeskForTests({
      phone: {
        account: async () => ok({ ...ACCOUNT, preferences: { ...defaultPhonePreferences, autoAnswer: true } }),
        recordCall: async (record: CallRecord) => ok({ id: record.id }),
      },
    } as unknown as DeskApi);
    await phoneStarted(engine, {
      answerForIncomingCall: () => ({ ring: true }),
      callStarted: () => undefined,
      callEnded: () => undefined,
    });
    await registered();
    engine.emit({ type: 'incoming', call: call('c8') });
    await settle();
    await settle();
    expect(engine.log).toContain('answer c8');
  });

  it('calls that outlive a transport loss get their media re-offered once registered again', async () => {
    await registered();
    engine.emit({ type: 'incoming', call: call('c7') });
    answerClicked();
    engine.emit({ type: 'established', callId: 'c7' });
    engine.emit({ type: 'transportLost', error: 'closed' });
    await settle();
    await registered();
    expect(engine.log).toContain('ice-restart c7');
  });

  describe('模拟来电 through the training engine', () => {
    const ringTraining = async () => {
      trainingCallPlaced({
        from: '"王芳" <sip:13812345678@training.invalid>;tag=training',
        privacy: null,
        remoteUser: '13812345678',
      });
      await settle();
      return Object.values(usePhoneStore.getState().calls).find((view) => view.state.kind !== 'ended')!;
    };

    it('rings like a PBX call (call view, screen-pop entry, record) even while the agent is not ready', async () => {
      gate.answer = { ring: false, status: 480 };
      const call = await ringTraining();
      expect(call).toMatchObject({ purpose: 'training', remoteUser: '13812345678', state: { kind: 'ringing' } });
      expect(usePhoneStore.getState().incoming).toMatchObject({ id: call.id, training: true });
      expect(engine.log.filter((entry) => entry.startsWith('reject'))).toEqual([]);
      await settle();
      expect(records.at(-1)).toMatchObject({ id: call.id, purpose: 'training', direction: 'inbound', endCause: null });
    });

    it('answers, holds and hangs up like a call, without touching the agent state or the SIP engine', async () => {
      await registered();
      engine.log.length = 0;
      const call = await ringTraining();
      answerClicked();
      await settle();
      expect(usePhoneStore.getState().calls[call.id]?.state.kind).toBe('active');
      await holdToggled();
      expect(usePhoneStore.getState().calls[call.id]?.state).toMatchObject({ kind: 'active', held: true });
      trainingCallEnded();
      await settle();
      expect(usePhoneStore.getState().calls[call.id]?.state).toMatchObject({ kind: 'ended', cause: 'agent_hangup' });
      expect(gate).toMatchObject({ started: 0, ended: 0 });
      expect(engine.log).toEqual([]);
      expect(records.at(-1)).toMatchObject({ id: call.id, purpose: 'training', endCause: 'agent_hangup' });
      expect(usePhoneStore.getState().incoming).toBeNull();
    });

    it('结束模拟 while it still rings is a refusal; a second 模拟来电 during a call is refused with a notice', async () => {
      const first = await ringTraining();
      trainingCallEnded();
      await settle();
      expect(usePhoneStore.getState().calls[first.id]?.state).toMatchObject({ kind: 'ended', cause: 'rejected' });
      const second = await ringTraining();
      answerClicked();
      await settle();
      trainingCallPlaced({ from: '<sip:13900000000@training.invalid>;tag=training', privacy: null, remoteUser: '13900000000' });
      await settle();
      expect(usePhoneStore.getState().notice).toMatch(/通话中/);
      expect(Object.values(usePhoneStore.getState().calls).filter((call) => call.state.kind !== 'ended')).toHaveLength(1);
      expect(usePhoneStore.getState().calls[second.id]?.state.kind).toBe('active');
    });

    it('a refused registration refresh leaves a training call up; stopping the phone ends it and leaves no timer behind', async () => {
      await registered();
      const call = await ringTraining();
      answerClicked();
      await settle();
      engine.emit({ type: 'registrationFailed', status: 503, retryAfterS: 30 });
      await settle();
      expect(usePhoneStore.getState().calls[call.id]?.state.kind).toBe('active');
      await phoneStopped();
      expect(usePhoneStore.getState().calls).toEqual({});
      const before = records.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(records.length).toBe(before);
    });
  });
});
