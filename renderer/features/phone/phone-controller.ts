/**
 * Runs the softphone: performs the registration machine's effects with the engine, turns engine
 * events into call-state transitions, writes each call record at ring, answer and end, and asks
 * the agent state (injected by renderer/app) whether a call may ring. No React, no sip.js here.
 */
import type { CallRecord, PhoneAccount, PhonePreferences } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';
import type { CallEngine, EngineCall, EngineEndReason, EngineEvent, MediaSample } from './engine/call-engine';
import { callQuality } from './domain/call-quality';
import { type CallEvent, type CallState, incomingCall, outgoingCall, stepCall } from './domain/call-state';
import { type RegistrationEffect, type RegistrationEvent, stepRegistration } from './domain/registration';
import { deviceIdForLabel, listAudioDevices, newlyPlugged, routeTo } from './media/audio-devices';
import { type Conference, startConference } from './media/conference';
import { type Ringing, beep, startRinging } from './media/ringer';
import { type CallView, incomingCallCleared, incomingCallReceived, usePhoneStore } from './phone-store';

export interface AgentGate {
  answerForIncomingCall(): { ring: true } | { ring: false; status: 480 | 486 };
  callStarted(): void;
  callEnded(): void;
}

export const MARK_ANSWER_CLICK = 'minsheng:answer-click';
export const MEASURE_FIRST_AUDIO = 'minsheng:first-audio';
export const MEASURE_RING_PAINTED = 'minsheng:ring-painted';
export const MARK_INVITE = 'minsheng:invite-received';
export const MARK_REGISTER = 'minsheng:register-sent';
export const MEASURE_REGISTERED = 'minsheng:registered';

const set = usePhoneStore.setState;
const get = usePhoneStore.getState;

interface Runtime {
  readonly engine: CallEngine;
  readonly gate: AgentGate;
  account: PhoneAccount | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
  ringing: Ringing | null;
  readonly records: Map<string, CallRecord>;
  readonly engineCalls: Map<string, EngineCall>;
  readonly lastSample: Map<string, MediaSample>;
  /** One audio element per call: a held call and a consultation are heard separately, both in 三方通话. */
  readonly players: Map<string, HTMLAudioElement>;
  conference: Conference | null;
  devices: MediaDeviceInfo[];
  effects: Promise<void>;
  readonly teardown: (() => void)[];
  /** Calls that outlived a transport loss and need their media re-offered once registered again. */
  readonly mediaToRestore: Set<string>;
}

let runtime: Runtime | null = null;

const need = (): Runtime => {
  if (!runtime) throw new Error('phone not started');
  return runtime;
};

const notice = (text: string | null) => set({ notice: text });
const failure = (error: unknown) => notice(error instanceof Error ? error.message : String(error));

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

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
  void desk()
    .phone.recordCall(next)
    .then((result) => {
      if (!result.ok) notice(`通话记录未保存：${result.error.message}`);
    });
};

// ── call state ───────────────────────────────────────────────────────────────

const updateCall = (id: string, change: (call: CallView) => CallView): void => {
  const call = get().calls[id];
  if (call) set({ calls: { ...get().calls, [id]: change(call) } });
};

const stepAndSave = (id: string, event: CallEvent): void => {
  const call = get().calls[id];
  if (!call) return;
  const next = stepCall(call.state, event);
  if (next === call.state) return;
  updateCall(id, (view) => ({ ...view, state: next }));
  if (next.kind !== call.state.kind) saveRecord(id, next);
  if (next.kind === 'active' && call.state.kind !== 'active') need().gate.callStarted();
  if (next.kind === 'ended') callFinished(id);
};

const stopRinging = (): void => {
  const rt = need();
  rt.ringing?.stop();
  rt.ringing = null;
};

const callFinished = (id: string): void => {
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

const endEvent = (reason: EngineEndReason, status: number | null): CallEvent => {
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

const onIncoming = (call: EngineCall): void => {
  const rt = need();
  rt.engineCalls.set(call.id, call);
  const ringAt = Date.now();
  rt.records.set(call.id, {
    id: call.id,
    sipCallId: call.sipCallId,
    direction: 'inbound',
    from: call.from,
    pAssertedIdentity: call.pAssertedIdentity,
    remoteNumber: call.remoteUser || null,
    ringAt: new Date(ringAt).toISOString(),
    answerAt: null,
    endAt: null,
    endCause: null,
    transferTarget: null,
  });
  set({
    calls: {
      ...get().calls,
      [call.id]: {
        id: call.id,
        remoteUser: call.remoteUser,
        state: incomingCall(ringAt),
        consult: false,
        quality: null,
        audioFlowing: false,
      },
    },
  });
  saveRecord(call.id, incomingCall(ringAt));

  if (call.replacesCallId) {
    // The second half of an attended transfer to us: the agent already agreed on the consult call.
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
    new Notification('12345 来电', { body: call.remoteUser, tag: call.id });
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

const onEngineEvent = (event: EngineEvent): void => {
  switch (event.type) {
    case 'transportConnected':
      return registrationEvent({ type: 'transportConnected' });
    case 'transportFailed':
      return registrationEvent({ type: 'transportFailed', at: Date.now() });
    case 'transportLost':
      Object.values(get().calls)
        .filter((call) => call.state.kind === 'active')
        .forEach((call) => need().mediaToRestore.add(call.id));
      if (get().registration.kind === 'registered' || get().registration.kind === 'registering')
        notice('与话务服务器的连接中断，正在重连');
      return registrationEvent({ type: 'transportLost', at: Date.now() });
    case 'registered':
      if (performance.getEntriesByName(MARK_REGISTER, 'mark').length > 0) {
        performance.measure(MEASURE_REGISTERED, MARK_REGISTER);
        performance.clearMarks(MARK_REGISTER);
      }
      if (get().registration.kind === 'registering') notice(null);
      registrationEvent({ type: 'registered' });
      return restoreMedia();
    case 'registrationRejected':
      return registrationEvent({ type: 'rejected', status: event.status, at: Date.now() });
    case 'incoming':
      return onIncoming(event.call);
    case 'outgoing':
      return onOutgoing(event.call);
    case 'progress':
      return;
    case 'established':
      return established(event.callId);
    case 'ended':
      return stepAndSave(event.callId, endEvent(event.reason, event.status));
    case 'transferResult':
      if (!event.ok) notice(`转接失败（${event.detail}）：通话仍在继续`);
      return;
    case 'mediaRestored':
      return;
    case 'protocolError':
      set({ protocolErrors: get().protocolErrors + 1 });
      // Devtools only, and only the category: the message itself carries callers' numbers.
      // eslint-disable-next-line no-console
      console.warn('sip: dropped a message that could not be parsed', event.detail);
      return;
  }
};

const onOutgoing = (call: EngineCall): void => {
  const rt = need();
  rt.engineCalls.set(call.id, call);
  const ringAt = Date.now();
  const consult = Object.values(get().calls).some((other) => other.state.kind === 'active');
  rt.records.set(call.id, {
    id: call.id,
    sipCallId: call.sipCallId,
    direction: 'outbound',
    from: null,
    pAssertedIdentity: null,
    remoteNumber: call.remoteUser,
    ringAt: new Date(ringAt).toISOString(),
    answerAt: null,
    endAt: null,
    endCause: null,
    transferTarget: null,
  });
  set({
    calls: {
      ...get().calls,
      [call.id]: {
        id: call.id,
        remoteUser: call.remoteUser,
        state: outgoingCall(ringAt),
        consult,
        quality: null,
        audioFlowing: false,
      },
    },
  });
  saveRecord(call.id, outgoingCall(ringAt));
};

const established = (callId: string): void => {
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

const sampleQuality = async (): Promise<void> => {
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

// ── registration ─────────────────────────────────────────────────────────────

const registrationConfig = () => ({
  servers: need().account?.servers.length ?? 0,
  baseDelayMs: 500,
  // Capped low so an agent is back within seconds of the PBX; the jitter still spreads a whole centre.
  maxDelayMs: 4_000,
  random: Math.random,
});

const registrationEvent = (event: RegistrationEvent): void => {
  const step = stepRegistration(get().registration, event, registrationConfig());
  set({ registration: step.state });
  const rt = need();
  // Effects run one after another: never two connections or REGISTERs in flight.
  rt.effects = rt.effects.then(() => runEffects(step.effects)).catch(failure);
};

const runEffects = async (effects: readonly RegistrationEffect[]): Promise<void> => {
  const rt = need();
  for (const effect of effects) {
    switch (effect.type) {
      case 'disposeTransport':
        if (rt.retryTimer) clearTimeout(rt.retryTimer);
        rt.retryTimer = null;
        await rt.engine.dispose();
        break;
      case 'connect': {
        const account = rt.account;
        const server = account?.servers[effect.server];
        if (!account || !server || account.password === null) return;
        await rt.engine.connect({
          server,
          domain: new URL(server).hostname,
          extension: account.extension,
          authUser: account.authUser,
          password: account.password,
          displayName: account.displayName,
        });
        break;
      }
      case 'register':
        performance.clearMarks(MARK_REGISTER);
        performance.mark(MARK_REGISTER);
        await rt.engine.register();
        break;
      case 'scheduleRetry':
        rt.retryTimer = setTimeout(
          () => registrationEvent({ type: 'retryDue', at: Date.now() }),
          Math.max(0, effect.at - Date.now()),
        );
        break;
    }
  }
};

const restoreMedia = (): void => {
  const rt = need();
  for (const callId of [...rt.mediaToRestore]) {
    rt.mediaToRestore.delete(callId);
    void rt.engine.restartMedia(callId).catch(() => {
      // The far end or the PBX lost the call: end it cleanly; the record keeps what happened.
      notice('断线后通话未能恢复，已结束；通话记录已保存');
      void rt.engine.hangup(callId).catch(() => stepAndSave(callId, { type: 'failed', at: Date.now() }));
    });
  }
};

// ── devices ──────────────────────────────────────────────────────────────────

const speakerId = (): string | null =>
  deviceIdForLabel(
    need().devices.filter((device) => device.kind === 'audiooutput'),
    need().account?.preferences.speakerLabel ?? '',
  );

const microphoneStream = (): Promise<MediaStream> => {
  const id = microphoneId();
  return navigator.mediaDevices.getUserMedia({
    audio: { ...(id ? { deviceId: { exact: id } } : {}), echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
};

const microphoneId = (): string | null =>
  deviceIdForLabel(
    need().devices.filter((device) => device.kind === 'audioinput'),
    need().account?.preferences.microphoneLabel ?? '',
  );

const devicesChanged = async (): Promise<void> => {
  const rt = need();
  const before = rt.devices;
  const now = await listAudioDevices();
  rt.devices = [...now.microphones, ...now.speakers];
  const prefs = rt.account?.preferences;
  if (!prefs) return;
  const plugged = newlyPlugged(before, rt.devices);
  const headsetIn = plugged.find((device) => device.kind === 'audioinput');
  const headsetOut = plugged.find((device) => device.kind === 'audiooutput');
  if (prefs.takeNewHeadset && (headsetIn || headsetOut)) {
    rt.account = {
      ...rt.account!,
      preferences: {
        ...prefs,
        microphoneLabel: headsetIn?.label ?? prefs.microphoneLabel,
        speakerLabel: headsetOut?.label ?? prefs.speakerLabel,
      },
    };
  }
  // A vanished device resolves to null = system default: the call keeps going on the default.
  for (const player of rt.players.values()) await routeTo(player, speakerId());
  const live = Object.values(get().calls).find((call) => call.state.kind === 'active');
  // In 三方通话 the microphone feeds the mix; a re-plug there waits for the conference to end.
  if (live && !rt.conference) {
    const id = microphoneId();
    const stream = await navigator.mediaDevices
      .getUserMedia({
        audio: {
          ...(id ? { deviceId: { exact: id } } : {}),
          echoCancellation: true,
          noiseSuppression: true,
          autoGainControl: true,
        },
      })
      .catch(() => null);
    const track = stream?.getAudioTracks()[0];
    if (track) await rt.engine.replaceMicrophone(live.id, track).catch(failure);
  }
};

// ── actions (called by components and shortcuts) ────────────────────────────

const answerCall = async (callId: string): Promise<void> => {
  const rt = need();
  stopRinging();
  await rt.engine.answer(callId, microphoneId()).catch(failure);
};

const focusedLiveCall = (): CallView | null => {
  const live = Object.values(get().calls).filter((call) => call.state.kind !== 'ended');
  return live.find((call) => call.consult) ?? live[0] ?? null;
};

export const answerClicked = (): void => {
  const ringing = Object.values(get().calls).find((call) => call.state.kind === 'ringing');
  if (!ringing) return;
  performance.clearMarks(MARK_ANSWER_CLICK);
  performance.mark(MARK_ANSWER_CLICK);
  void answerCall(ringing.id);
};

export const rejectClicked = (): void => {
  const ringing = Object.values(get().calls).find((call) => call.state.kind === 'ringing');
  if (ringing) void need().engine.reject(ringing.id, 486).catch(failure);
};

export const hangupClicked = (): void => {
  const call = focusedLiveCall();
  if (!call) return;
  const at = Date.now();
  // The call is over for the agent once the BYE is out: its answer may never come after a PBX
  // restart, and the record and the agent state must not wait 32 s for a transaction timeout.
  void need()
    .engine.hangup(call.id)
    .then(() => stepAndSave(call.id, { type: 'hangup', at }))
    .catch(failure);
};

export const holdToggled = async (): Promise<void> => {
  const call = focusedLiveCall();
  if (!call || call.state.kind !== 'active') return;
  const held = !call.state.held;
  try {
    await need().engine.setHeld(call.id, held);
    stepAndSave(call.id, { type: held ? 'hold' : 'resume' });
  } catch (error) {
    failure(error);
  }
};

export const muteToggled = (): void => {
  const call = focusedLiveCall();
  if (!call || call.state.kind !== 'active') return;
  const muted = !call.state.muted;
  const conference = need().conference;
  if (conference) {
    conference.setMuted(muted);
    Object.values(get().calls)
      .filter((view) => view.state.kind === 'active')
      .forEach((view) => stepAndSave(view.id, { type: muted ? 'mute' : 'unmute' }));
    return;
  }
  need().engine.setMuted(call.id, muted);
  stepAndSave(call.id, { type: muted ? 'mute' : 'unmute' });
};

/** 三方通话: the held caller comes back and hears the consulted department, mixed in the console. */
export const conferenceStarted = async (): Promise<void> => {
  const rt = need();
  const calls = Object.values(get().calls).filter((call) => call.state.kind === 'active');
  const main = calls.find((call) => !call.consult);
  const consult = calls.find((call) => call.consult);
  if (!main || !consult || rt.conference) {
    notice('需要先与第三方建立咨询通话');
    return;
  }
  try {
    if (main.state.kind === 'active' && main.state.held) {
      await rt.engine.setHeld(main.id, false);
      stepAndSave(main.id, { type: 'resume' });
    }
    const mainRemote = rt.engine.remoteStream(main.id);
    const consultRemote = rt.engine.remoteStream(consult.id);
    if (!mainRemote || !consultRemote) throw new Error('通话的媒体尚未建立');
    rt.conference = await startConference(
      [
        { callId: main.id, remote: mainRemote },
        { callId: consult.id, remote: consultRemote },
      ],
      await microphoneStream(),
      (callId, track) => rt.engine.replaceMicrophone(callId, track),
    );
    set({ conference: true, panel: 'none' });
  } catch (error) {
    failure(error);
  }
};

/** A leg left the conference: the one still up gets the plain microphone back. */
const endConference = (remaining: readonly string[]): void => {
  const rt = need();
  rt.conference?.stop();
  rt.conference = null;
  set({ conference: false });
  for (const callId of remaining) {
    void microphoneStream()
      .then((stream) => {
        const track = stream.getAudioTracks()[0];
        return track ? rt.engine.replaceMicrophone(callId, track) : undefined;
      })
      .catch(failure);
  }
};

export const digitPressed = (digit: string): void => {
  const call = focusedLiveCall();
  if (!call || call.state.kind !== 'active') return;
  void need()
    .engine.sendDtmf(call.id, digit, need().account?.preferences.dtmfMode ?? 'rfc4733')
    .catch(failure);
};

const validTarget = (target: string): string | null => {
  const trimmed = target.replace(/[\s-]/g, '');
  return /^\+?\d{2,20}$/.test(trimmed) ? trimmed : null;
};

/** 外呼 and 回访: a number typed or clicked in the caller panel. */
export const dialRequested = async (target: string): Promise<boolean> => {
  const number = validTarget(target);
  if (!number) {
    notice('号码格式不正确');
    return false;
  }
  if (get().registration.kind !== 'registered') {
    notice('尚未注册到话务服务器，不能外呼');
    return false;
  }
  const active = Object.values(get().calls).find((call) => call.state.kind === 'active' && !call.state.held);
  // A dial during a call is a consultation: the caller is held first so they do not hear it.
  if (active) await holdToggled();
  try {
    await need().engine.dial(number, microphoneId());
    // A consultation keeps the transfer panel open: 完成转接 is the next step.
    if (get().panel === 'dial') set({ panel: 'none' });
    return true;
  } catch (error) {
    failure(error);
    return false;
  }
};

export const blindTransferRequested = async (target: string): Promise<void> => {
  const number = validTarget(target);
  const call = Object.values(get().calls).find((view) => view.state.kind === 'active' && !view.consult);
  if (!number || !call) {
    notice(number ? '没有可转接的通话' : '转接号码格式不正确');
    return;
  }
  try {
    await need().engine.blindTransfer(call.id, number);
    stepAndSave(call.id, { type: 'transferred', at: Date.now(), target: number });
    set({ panel: 'none' });
  } catch (error) {
    failure(error);
  }
};

/** 紧急转警: one click to 110/119/120, recorded as a transfer like any other. */
export const emergencyTransferRequested = (target: string): Promise<void> => blindTransferRequested(target);

/** Completes an attended transfer: the held caller is connected to the consulted party. */
export const attendedTransferCompleted = async (): Promise<void> => {
  const calls = Object.values(get().calls).filter((call) => call.state.kind === 'active');
  const main = calls.find((call) => !call.consult);
  const consult = calls.find((call) => call.consult);
  if (!main || !consult) {
    notice('需要先与转接对象建立咨询通话');
    return;
  }
  try {
    await need().engine.attendedTransfer(main.id, consult.id);
    stepAndSave(main.id, { type: 'transferred', at: Date.now(), target: consult.remoteUser });
    stepAndSave(consult.id, { type: 'transferred', at: Date.now(), target: consult.remoteUser });
  } catch (error) {
    failure(error);
  }
};

export const noticeDismissed = (): void => notice(null);

/** Saved through main (which validates); the running phone takes the new devices and rules at once. */
export const preferencesSaved = async (
  preferences: PhonePreferences,
): Promise<{ ok: true } | { ok: false; message: string; fields: Record<string, string> }> => {
  const result = await desk().phone.savePreferences(preferences);
  if (!result.ok) {
    const fields = Object.fromEntries(
      (result.error.fields ?? []).map((problem) => [problem.field.split('.')[0] ?? '', problem.message]),
    );
    return { ok: false, message: result.error.message, fields };
  }
  const rt = need();
  if (rt.account) rt.account = { ...rt.account, preferences: result.value };
  set({ preferences: result.value, preferencesOpen: false });
  await devicesChanged();
  return { ok: true };
};

export const audioDevices = (): { microphones: MediaDeviceInfo[]; speakers: MediaDeviceInfo[] } => ({
  microphones: need().devices.filter((device) => device.kind === 'audioinput'),
  speakers: need().devices.filter((device) => device.kind === 'audiooutput'),
});

/** Unregisters and lets go of everything (quitting, or a test between cases); calls still up end. */
export const phoneStopped = async (): Promise<void> => {
  const rt = runtime;
  if (!rt) return;
  runtime = null;
  if (rt.retryTimer) clearTimeout(rt.retryTimer);
  rt.ringing?.stop();
  rt.conference?.stop();
  rt.players.forEach((player) => player.pause());
  rt.teardown.forEach((undo) => undo());
  await rt.effects.catch(() => undefined);
  await rt.engine.dispose({ endCalls: true });
  set({
    registration: { kind: 'idle' },
    calls: {},
    notice: null,
    protocolErrors: 0,
    panel: 'none',
    incoming: null,
    conference: false,
  });
};

// ── start ────────────────────────────────────────────────────────────────────

/** Loads the account and starts registering; called again after the settings change. */
export const phoneStarted = async (engine: CallEngine, gate: AgentGate): Promise<void> => {
  if (!runtime) {
    runtime = {
      engine,
      gate,
      account: null,
      retryTimer: null,
      ringing: null,
      records: new Map(),
      engineCalls: new Map(),
      lastSample: new Map(),
      players: new Map(),
      conference: null,
      devices: [],
      effects: Promise.resolve(),
      mediaToRestore: new Set(),
      teardown: [],
    };
    const rt = runtime;
    rt.teardown.push(engine.on(onEngineEvent));
    const online = () => registrationEvent({ type: 'online' });
    window.addEventListener('online', online);
    rt.teardown.push(() => window.removeEventListener('online', online));
    const devices = () => void devicesChanged();
    navigator.mediaDevices?.addEventListener?.('devicechange', devices);
    rt.teardown.push(() => navigator.mediaDevices?.removeEventListener?.('devicechange', devices));
    const sampler = setInterval(() => void sampleQuality(), 2_000);
    rt.teardown.push(() => clearInterval(sampler));
  }
  const result = await desk().phone.account();
  if (!result.ok) {
    failure(result.error.message);
    return;
  }
  const rt = need();
  rt.account = result.value;
  set({ preferences: result.value.preferences });
  void devicesChanged();
  const configured = result.value.servers.length > 0 && result.value.extension !== '' && result.value.password !== null;
  registrationEvent({ type: 'stop' });
  if (configured) registrationEvent({ type: 'start' });
};
