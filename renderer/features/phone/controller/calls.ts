/** One call from ring to record: state transitions, records at each step, ring, audio, quality. */
import type { CallRecord } from '../../../../preload/contract';
import { desk } from '../../../shared/desk/desk-client';
import type { EngineCall, EngineEndReason } from '../engine/call-engine';
import { callQuality } from '../domain/call-quality';
import { type CallEvent, type CallState, incomingCall, outgoingCall, stepCall } from '../domain/call-state';
import { deviceIdForLabel, routeTo } from '../media/audio-devices';
import { beep, startRinging } from '../media/ringer';
import { type CallView, incomingCallCleared, incomingCallReceived } from '../phone-store';
import { MARK_ANSWER_CLICK, MARK_INVITE, MEASURE_FIRST_AUDIO, failure, get, iso, need, notice, set } from './runtime';
import { answerCall } from './actions';
import { endConference } from './conference';
import { speakerId } from './devices';

// ── call records ─────────────────────────────────────────────────────────────

const saveRecord = (id: string, state: CallState, transferTarget: string | null = null): void => {
  const rt = need();
  const base = rt.records.get(id);
  if (!base) return;
  const next: CallRecord = {
    ...base,
    answerAt:
      base.answerAt ?? (state.kind === 'active' ? iso(state.answerAt) : state.kind === 'ended' ? iso(state.answerAt) : null),
    endAt: state.kind === 'ended' ? iso(state.endAt) : null,
    endCause: state.kind === 'ended' ? state.cause : null,
    transferTarget: state.kind === 'ended' ? (state.transferTarget ?? transferTarget) : null,
  };
  rt.records.set(id, next);
  // One write at a time per call, in order: the end never overtakes the ring on its way to main.
  const previous = recordWrites.get(id) ?? Promise.resolve();
  const written = previous.then(async () => {
    // While the local service is away (a restart, a crash) the record waits here, in order, and goes when it answers.
    for (let attempt = 0; ; attempt += 1) {
      const result = await desk().phone.recordCall(next);
      if (result.ok) return;
      if (result.error.code !== 'TRANSPORT_CLOSED' || attempt >= 120) {
        notice(`通话记录未保存：${result.error.message}`);
        return;
      }
      if (attempt === 0) notice('与本地服务的连接中断：通话记录将在恢复后保存');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  });
  recordWrites.set(id, written);
  void written.finally(() => {
    if (recordWrites.get(id) === written) recordWrites.delete(id);
  });
};

const recordWrites = new Map<string, Promise<void>>();

// ── call state ───────────────────────────────────────────────────────────────

export const updateCall = (id: string, change: (call: CallView) => CallView): void => {
  const call = get().calls[id];
  if (call) set({ calls: { ...get().calls, [id]: change(call) } });
};

export const stepAndSave = (id: string, event: CallEvent): void => {
  const call = get().calls[id];
  if (!call) return;
  const next = stepCall(call.state, event);
  if (next === call.state) return;
  updateCall(id, (view) => ({ ...view, state: next }));
  if (next.kind !== call.state.kind) saveRecord(id, next);
  if (next.kind === 'active' && call.state.kind !== 'active') need().gate.callStarted();
  if (next.kind === 'ended') callFinished(id);
};

export const stopRinging = (): void => {
  const rt = need();
  rt.ringing?.stop();
  rt.ringing = null;
};

export const callFinished = (id: string): void => {
  const rt = need();
  stopRinging();
  rt.engineCalls.delete(id);
  rt.lastSample.delete(id);
  rt.mediaToRestore.delete(id);
  if (get().incoming?.id === id) incomingCallCleared();
  const live = Object.values(get().calls).filter((call) => call.state.kind !== 'ended');
  const player = rt.players.get(id);
  if (player) {
    player.pause();
    player.srcObject = null;
    rt.players.delete(id);
  }
  if (rt.conference) endConference(live.map((call) => call.id));
  if (live.length === 0) {
    rt.gate.callEnded();
  } else if (live.every((call) => call.consult)) {
    // The main call went (transferred or hung up) while a consultation stays: it becomes the call.
    live.forEach((call) => updateCall(call.id, (view) => ({ ...view, consult: false })));
  }
  // The ended call stays visible briefly so the agent sees how it ended.
  setTimeout(() => {
    const { [id]: _gone, ...rest } = get().calls;
    set({ calls: rest });
  }, 3_000);
};

export const endEvent = (reason: EngineEndReason, status: number | null): CallEvent => {
  const at = Date.now();
  switch (reason) {
    case 'local':
      return { type: 'hangup', at };
    case 'rejected':
      return status === null || status === 480 || status === 486 || status === 603
        ? { type: 'reject', at }
        : { type: 'failed', at };
    case 'failed':
      return { type: 'failed', at };
    case 'replaced':
      return { type: 'transferred', at, target: '' };
    default:
      return { type: 'remoteHangup', at };
  }
};

/** A new call on screen and its first record write, the same for both directions. */
const callAppeared = (call: EngineCall, state: CallState, consult: boolean): void => {
  need().records.set(call.id, {
    id: call.id,
    sipCallId: call.sipCallId,
    direction: call.direction,
    from: call.from,
    pAssertedIdentity: call.pAssertedIdentity,
    privacy: call.privacy,
    remoteNumber: call.remoteUser || null,
    ringAt: new Date(state.ringAt).toISOString(),
    answerAt: null,
    endAt: null,
    endCause: null,
    transferTarget: null,
  });
  const view: CallView = {
    id: call.id,
    remoteUser: call.remoteUser,
    shownNumber: call.direction === 'outbound' ? call.remoteUser : null,
    state,
    consult,
    quality: null,
    audioFlowing: false,
  };
  set({ calls: { ...get().calls, [call.id]: view } });
  saveRecord(call.id, state);
};

export const onIncoming = (call: EngineCall): void => {
  const rt = need();
  rt.engineCalls.set(call.id, call);
  const ringAt = Date.now();
  callAppeared(call, incomingCall(ringAt), false);

  if (call.replacesCallId) {
    // The second half of an attended transfer to us: the agent already agreed on the consult call.
    // No ring, so no screen-pop to read the identity: the bar shows the other side as given.
    updateCall(call.id, (view) => ({ ...view, shownNumber: call.remoteUser }));
    void answerCall(call.id);
    return;
  }
  const decision = rt.gate.answerForIncomingCall();
  const busyWithAnother = Object.values(get().calls).some((other) => other.id !== call.id && other.state.kind !== 'ended');
  if (!decision.ring || busyWithAnother) {
    const status = decision.ring ? 486 : decision.status;
    void rt.engine.reject(call.id, status).catch(failure);
    return;
  }
  performance.clearMarks(MARK_INVITE);
  performance.mark(MARK_INVITE, { startTime: call.receivedAt });
  incomingCallReceived({
    from: call.from ?? '',
    ...(call.pAssertedIdentity ? { pAssertedIdentity: call.pAssertedIdentity } : {}),
    ...(call.privacy ? { privacy: call.privacy } : {}),
    training: false,
    id: call.id,
  });
  void ring();
  if (
    typeof document !== 'undefined' &&
    !document.hasFocus() &&
    'Notification' in window &&
    Notification.permission === 'granted'
  ) {
    // No number here: whether it may be shown (confidential, withheld) is known only after the screen-pop.
    new Notification('12345 来电', { body: '有新来电，请接听', tag: call.id });
  }
  if (rt.account?.preferences.autoAnswer) {
    void (typeof AudioContext === 'undefined' ? Promise.resolve() : beep().catch(() => undefined)).then(() =>
      answerCall(call.id),
    );
  }
};

const ring = async (): Promise<void> => {
  const rt = need();
  const prefs = rt.account?.preferences;
  const speakers = rt.devices.filter((device) => device.kind === 'audiooutput');
  rt.ringing?.stop();
  rt.ringing = null;
  // A ringer that cannot play (no audio output, no Web Audio) must never stop the call from showing.
  if (typeof AudioContext === 'undefined') return;
  rt.ringing = startRinging([
    deviceIdForLabel(speakers, prefs?.ringerLabel ?? ''),
    deviceIdForLabel(speakers, prefs?.speakerLabel ?? ''),
  ]);
};

export const onOutgoing = (call: EngineCall): void => {
  const rt = need();
  rt.engineCalls.set(call.id, call);
  const ringAt = Date.now();
  const consult = Object.values(get().calls).some((other) => other.state.kind === 'active');
  callAppeared(call, outgoingCall(ringAt), consult);
};

export const established = (callId: string): void => {
  const rt = need();
  const call = get().calls[callId];
  if (!call) return;
  stopRinging();
  stepAndSave(
    callId,
    call.state.kind === 'dialing' ? { type: 'remoteAnswered', at: Date.now() } : { type: 'answer', at: Date.now() },
  );
  const player = new Audio();
  player.srcObject = rt.engine.remoteStream(callId);
  rt.players.set(callId, player);
  void routeTo(player, speakerId()).then(() => player.play().catch(() => undefined));
  watchFirstAudio(callId);
};

/** Polls getStats quickly until the first inbound packet: both the dead-line warning and the benchmark use it. */
const watchFirstAudio = (callId: string): void => {
  const rt = need();
  const started = Date.now();
  const poll = async (): Promise<void> => {
    const call = get().calls[callId];
    if (!call || call.state.kind !== 'active') return;
    const sample = await rt.engine.sample(callId);
    if (sample && sample.packetsReceived > 0) {
      if (performance.getEntriesByName(MARK_ANSWER_CLICK, 'mark').length > 0) {
        performance.measure(MEASURE_FIRST_AUDIO, MARK_ANSWER_CLICK);
        performance.clearMarks(MARK_ANSWER_CLICK);
      }
      updateCall(callId, (view) => ({ ...view, audioFlowing: true }));
      return;
    }
    if (Date.now() - started > 3_000 && !call.state.held) notice('对方声音未到达：请检查网络或耳机');
    setTimeout(() => void poll(), Date.now() - started < 3_000 ? 5 : 500);
  };
  void poll();
};

export const sampleQuality = async (): Promise<void> => {
  const rt = need();
  for (const call of Object.values(get().calls)) {
    if (call.state.kind !== 'active') continue;
    const sample = await rt.engine.sample(call.id);
    if (!sample) continue;
    const quality = callQuality(rt.lastSample.get(call.id) ?? null, sample);
    rt.lastSample.set(call.id, sample);
    updateCall(call.id, (view) => ({ ...view, quality }));
  }
};
