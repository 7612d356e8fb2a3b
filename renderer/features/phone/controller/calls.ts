/** The engine's reports about calls, turned into calls on screen: ring, answer, audio, quality. */
import type { EngineCall, EngineEndReason } from '../engine/call-engine';
import { POOR_MOS, callQuality, flaggedPoor } from '../domain/call-quality';
import { type CallPurpose, purposeRules } from '../domain/call-purpose';
import { type CallEvent, type CallState, incomingCall, outgoingCall } from '../domain/call-state';
import { deviceIdForLabel, routeTo } from '../media/audio-devices';
import { beep, startRinging } from '../media/ringer';
import { type CallView, incomingCallReceived } from '../phone-store';
import { MARK_ANSWER_CLICK, MARK_INVITE, MEASURE_FIRST_AUDIO, failure, get, need, notice, set } from './runtime';
import { answerCall, saveRecord, stepAndSave, stopRinging, updateCall } from './call-steps';
import { speakerId } from './devices';

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
const callAppeared = (call: EngineCall, state: CallState, purpose: CallPurpose): void => {
  const consult = purpose === 'consult';
  need().records.set(call.id, {
    id: call.id,
    purpose,
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
    trainingScenarioId: call.trainingScenarioId,
    mos: null,
  });
  const view: CallView = {
    id: call.id,
    purpose,
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
  const rules = purposeRules(call.purpose);

  if (call.replacesCallId) {
    // The second half of an attended transfer to us: the agent already agreed on the consult call.
    // No ring, so no screen-pop to read the identity: the bar shows the other side as given.
    callAppeared(call, incomingCall(ringAt), call.purpose);
    updateCall(call.id, (view) => ({ ...view, shownNumber: call.remoteUser }));
    void answerCall(call.id);
    return;
  }
  const decision = rules.needsReadyAgent ? rt.gate.answerForIncomingCall() : ({ ring: true } as const);
  const busyWithAnother = Object.values(get().calls).some((other) => other.id !== call.id && other.state.kind !== 'ended');
  const ringsHere = decision.ring && !busyWithAnother;
  if (ringsHere) {
    performance.clearMarks(MARK_INVITE);
    performance.mark(MARK_INVITE, { startTime: call.receivedAt });
  }
  if (ringsHere && rules.screenPop) {
    // The caller panel's lookup leaves first: it is what the agent waits for, and the ring's record
    // write would otherwise be ahead of its audit row on the database writer.
    incomingCallReceived({
      from: call.from ?? '',
      ...(call.pAssertedIdentity ? { pAssertedIdentity: call.pAssertedIdentity } : {}),
      ...(call.privacy ? { privacy: call.privacy } : {}),
      training: call.purpose === 'training',
      id: call.id,
    });
  }
  callAppeared(call, incomingCall(ringAt), call.purpose);
  if (!ringsHere) {
    const status = decision.ring ? 486 : decision.status;
    void rt.engine.reject(call.id, status).catch(failure);
    return;
  }
  if (!rules.rings) return;
  // The ring starts in the task after this one: its audio elements and device routing would
  // otherwise hold the page's thread while the caller panel's lookup answer waits to be painted.
  rt.disposables.timeout(() => {
    if (get().calls[call.id]?.state.kind === 'ringing') void ring();
  }, 0);
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
  const replaced = call.replacesCallId ? get().calls[call.replacesCallId] : undefined;
  if (replaced) {
    // We were referred (the far end transferred us): the new call carries on the one it replaces.
    callAppeared(call, outgoingCall(ringAt), replaced.purpose);
    return;
  }
  const consult = Object.values(get().calls).some((other) => other.state.kind === 'active');
  callAppeared(call, outgoingCall(ringAt), consult ? 'consult' : call.purpose);
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
  const remote = rt.engine.remoteStream(callId);
  // The training engine's calls have no media at all: nothing to play, no dead line to warn of.
  if (!remote && call.purpose === 'training') {
    updateCall(callId, (view) => ({ ...view, audioFlowing: true }));
    return;
  }
  const player = new Audio();
  player.srcObject = remote;
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
    // Into or out of 差: the record carries the MOS, so the lead's grid flags the call while it is bad.
    const base = rt.records.get(call.id);
    const wasFlagged = base?.mos !== null && base?.mos !== undefined && base.mos < POOR_MOS;
    if (base && flaggedPoor(wasFlagged, quality.mos) !== wasFlagged) {
      rt.records.set(call.id, { ...base, mos: Math.round(quality.mos * 10) / 10 });
      saveRecord(call.id, call.state);
    }
  }
};
