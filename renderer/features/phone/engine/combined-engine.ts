/**
 * Several engines seen by the controller as one: the SIP engine registers and dials, others (the
 * training engine) only bring calls. Each call's commands go to the engine that reported it.
 */
import type { CallEngine, EngineEvent } from './call-engine';

export const combineEngines = (primary: CallEngine, others: readonly CallEngine[]): CallEngine => {
  const owners = new Map<string, CallEngine>();
  const all = [primary, ...others];
  const ownerOf = (callId: string): CallEngine => owners.get(callId) ?? primary;
  const track = (engine: CallEngine) => (event: EngineEvent) => {
    if (event.type === 'incoming' || event.type === 'outgoing') owners.set(event.call.id, engine);
    if (event.type === 'ended') queueMicrotask(() => owners.delete(event.callId));
  };
  // Registered before anyone else listens, so the owner is known when the controller reacts.
  all.forEach((engine) => engine.on(track(engine)));

  return {
    connect: (account) => primary.connect(account),
    register: () => primary.register(),
    // The registration's engine only: a refused refresh must not end a training call. The others
    // are disposed by whoever made them (phoneStopped).
    dispose: (options) => primary.dispose(options),
    answer: (callId, microphoneId) => ownerOf(callId).answer(callId, microphoneId),
    reject: (callId, status) => ownerOf(callId).reject(callId, status),
    hangup: (callId) => ownerOf(callId).hangup(callId),
    setHeld: (callId, held) => ownerOf(callId).setHeld(callId, held),
    setMuted: (callId, muted) => ownerOf(callId).setMuted(callId, muted),
    sendDtmf: (callId, digit, mode) => ownerOf(callId).sendDtmf(callId, digit, mode),
    dial: (target, microphoneId) => primary.dial(target, microphoneId),
    blindTransfer: (callId, target) => ownerOf(callId).blindTransfer(callId, target),
    attendedTransfer: (callId, consultCallId) => ownerOf(callId).attendedTransfer(callId, consultCallId),
    restartMedia: (callId) => ownerOf(callId).restartMedia(callId),
    // Monitoring joins real calls only: the SIP engine's.
    acceptMonitor: (callId, outgoing, modes) => primary.acceptMonitor(callId, outgoing, modes),
    dialMonitor: (target, request) => primary.dialMonitor(target, request),
    setMonitorMode: (callId, mode) => primary.setMonitorMode(callId, mode),
    replaceMicrophone: (callId, track) => ownerOf(callId).replaceMicrophone(callId, track),
    remoteStream: (callId) => ownerOf(callId).remoteStream(callId),
    sentTrack: (callId) => ownerOf(callId).sentTrack(callId),
    sample: (callId) => ownerOf(callId).sample(callId),
    on: (listener) => {
      const offs = all.map((engine) => engine.on(listener));
      return () => offs.forEach((off) => off());
    },
  };
};
