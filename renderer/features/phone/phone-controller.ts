/**
 * Runs the softphone: performs the registration machine's effects with the engine, turns engine
 * events into call-state transitions, writes each call record at ring, answer and end, and asks
 * the agent state (injected by renderer/app) whether a call may ring. No React, no sip.js here.
 * The parts live in controller/: runtime, calls, registration-runner, devices, conference, actions.
 */
import type { PhoneAccount } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';
import type { CallEngine, EngineEvent } from './engine/call-engine';
import {
  type AgentGate,
  MARK_REGISTER,
  MEASURE_REGISTERED,
  currentRuntime,
  failure,
  get,
  need,
  notice,
  set,
  setRuntime,
} from './controller/runtime';
import { established, onIncoming, onOutgoing, sampleQuality, endEvent } from './controller/calls';
import { stepAndSave } from './controller/call-steps';
import { createDisposables } from './controller/disposables';
import { combineEngines } from './engine/combined-engine';
import { createTrainingEngine } from './engine/training-engine';
import { registrationEvent, restoreMedia } from './controller/registration-runner';
import { devicesChanged } from './controller/devices';
import { prepareRinger } from './media/ringer';
import {
  isMonitorLeg,
  monitorLegEnded,
  monitorLegEstablished,
  monitorModeChanged,
  monitorOffered,
  monitoredCallEnded,
} from './controller/monitoring';

export {
  answerClicked,
  attendedTransferCompleted,
  blindTransferRequested,
  callHistoryOpened,
  callHistoryRevealRequested,
  dialRequested,
  digitPressed,
  emergencyTransferRequested,
  hangupClicked,
  holdToggled,
  muteToggled,
  noticeDismissed,
  preferencesSaved,
  rejectClicked,
  trainingCallEnded,
  trainingCallPlaced,
} from './controller/actions';
export { conferenceStarted } from './controller/conference';
export {
  MARK_MONITOR_CLICK,
  MEASURE_MONITOR_AUDIO,
  consoleBridge,
  monitorModeRequested,
  monitorRequested,
  monitorStopped,
} from './controller/monitoring';
export { audioDevices } from './controller/devices';
export {
  type AgentGate,
  MARK_ANSWER_CLICK,
  MARK_INVITE,
  MARK_REGISTER,
  MEASURE_FIRST_AUDIO,
  MEASURE_REGISTERED,
  MEASURE_RING_PAINTED,
} from './controller/runtime';

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
    case 'registrationFailed':
      if (get().registration.kind === 'registered') notice('话务注册已失效，正在重新注册；恢复前来电无法接入');
      return registrationEvent({
        type: 'rejected',
        status: event.status,
        retryAfterMs: event.retryAfterS === null ? null : event.retryAfterS * 1000,
        at: Date.now(),
      });
    case 'incoming':
      return onIncoming(event.call);
    case 'outgoing':
      return onOutgoing(event.call);
    case 'progress':
      return;
    case 'monitorOffered':
      return void monitorOffered(event.offer).catch(failure);
    case 'monitorModeChanged':
      return monitorModeChanged(event.callId, event.mode);
    case 'established':
      if (isMonitorLeg(event.callId)) return monitorLegEstablished(event.callId);
      return established(event.callId);
    case 'ended':
      if (isMonitorLeg(event.callId)) return monitorLegEnded(event.callId, event.status);
      monitoredCallEnded(event.callId);
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

/** Unregisters and lets go of everything (quitting, or a test between cases); calls still up end. */
export const phoneStopped = async (): Promise<void> => {
  const rt = currentRuntime();
  if (!rt) return;
  setRuntime(null);
  if (rt.retryTimer) clearTimeout(rt.retryTimer);
  rt.ringing?.stop();
  rt.conference?.stop();
  if (rt.monitor?.role === 'agent') void rt.monitor.mix.stop();
  rt.monitor = null;
  rt.players.forEach((player) => player.pause());
  rt.disposables.dispose();
  await rt.effects.catch(() => undefined);
  await rt.engine.dispose({ endCalls: true });
  await rt.training.dispose({ endCalls: true });
  set({
    registration: { kind: 'idle' },
    calls: {},
    notice: null,
    protocolErrors: 0,
    panel: 'none',
    incoming: null,
    conference: false,
    monitor: null,
  });
};

// ── start ────────────────────────────────────────────────────────────────────

/** Loads the account and starts registering; called again after the settings change. */
export const phoneStarted = async (sipEngine: CallEngine, gate: AgentGate): Promise<void> => {
  if (!currentRuntime()) {
    const training = createTrainingEngine();
    const engine = combineEngines(sipEngine, [training]);
    setRuntime({
      engine,
      training,
      gate,
      account: null,
      retryTimer: null,
      ringing: null,
      records: new Map(),
      engineCalls: new Map(),
      lastSample: new Map(),
      players: new Map(),
      conference: null,
      monitor: null,
      devices: [],
      effects: Promise.resolve(),
      mediaToRestore: new Set(),
      disposables: createDisposables(),
      recordWrites: new Map(),
    });
    const { disposables } = need();
    prepareRinger();
    disposables.add(engine.on(onEngineEvent));
    // Closing or reloading the console unregisters at once (the REGISTER goes out synchronously):
    // otherwise the PBX keeps forking calls to a binding nobody answers until it expires, and
    // enough of them push a live console past the PBX's fork limit.
    disposables.listen(window, 'pagehide', () => void engine.dispose({ endCalls: true }));
    disposables.listen(window, 'online', () => registrationEvent({ type: 'online' }));
    disposables.listen(navigator.mediaDevices, 'devicechange', () => void devicesChanged());
    disposables.interval(() => void sampleQuality(), 2_000);
  }
  const result = await desk().phone.account();
  if (!result.ok) {
    failure(result.error.message);
    return;
  }
  const rt = need();
  const previous = rt.account;
  rt.account = result.value;
  set({ preferences: result.value.preferences });
  void devicesChanged();
  // Saving unrelated settings (the platform address, say) must not drop and redo the registration.
  const unchanged = previous !== null && registrationIdentity(previous) === registrationIdentity(result.value);
  if (unchanged && get().registration.kind !== 'idle' && get().registration.kind !== 'failed') return;
  const configured = result.value.servers.length > 0 && result.value.extension !== '' && result.value.password !== null;
  registrationEvent({ type: 'stop' });
  if (configured) registrationEvent({ type: 'start' });
};

const registrationIdentity = (account: PhoneAccount): string =>
  JSON.stringify([account.servers, account.extension, account.authUser, account.password, account.displayName]);
