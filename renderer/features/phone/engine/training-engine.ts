/**
 * The 模拟来电 of the training dialog as a CallEngine: it rings through the controller like any
 * INVITE (call view, ringer, busy check, screen-pop, record marked `training`), but there is no
 * PBX and no audio. Answering, holding, muting, transferring and hanging up behave as on a call.
 */
import type { CallEngine, EngineCall, EngineEvent } from './call-engine';

export interface TrainingRing {
  /** A From header value as an INVITE would carry it (see domain/training-identity). */
  readonly from: string;
  readonly privacy: string | null;
  readonly remoteUser: string;
}

export interface TrainingEngine extends CallEngine {
  ring(call: TrainingRing): string;
}

export const createTrainingEngine = (): TrainingEngine => {
  const listeners = new Set<(event: EngineEvent) => void>();
  const live = new Map<string, { answered: boolean }>();
  let disposed = false;
  // Asynchronous like a network answer, so the controller sees the same order of events.
  const emit = (event: EngineEvent) =>
    queueMicrotask(() => {
      if (!disposed) listeners.forEach((listener) => listener(event));
    });
  const call = (callId: string) => {
    const found = live.get(callId);
    if (!found) throw new Error('通话已结束');
    return found;
  };
  const end = (callId: string, reason: 'local' | 'rejected', status: number | null) => {
    if (!live.delete(callId)) return;
    emit({ type: 'ended', callId, reason, status });
  };

  return {
    ring: (ring) => {
      const id = crypto.randomUUID();
      const engineCall: EngineCall = {
        id,
        purpose: 'training',
        direction: 'inbound',
        sipCallId: `training-${id}`,
        from: ring.from,
        pAssertedIdentity: null,
        privacy: ring.privacy,
        remoteUser: ring.remoteUser,
        replacesCallId: null,
        trainingScenarioId: null,
        receivedAt: performance.now(),
      };
      live.set(id, { answered: false });
      emit({ type: 'incoming', call: engineCall });
      return id;
    },
    connect: async () => undefined,
    register: async () => undefined,
    dispose: async () => {
      for (const callId of [...live.keys()]) end(callId, 'local', null);
      // The ends above are still queued: let them out, then nothing more.
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      disposed = true;
    },
    answer: async (callId) => {
      call(callId).answered = true;
      emit({ type: 'established', callId });
    },
    reject: async (callId, status) => {
      call(callId);
      end(callId, 'rejected', status);
    },
    hangup: async (callId) => {
      call(callId);
      end(callId, 'local', null);
    },
    setHeld: async (callId) => void call(callId),
    setMuted: (callId) => void call(callId),
    sendDtmf: async (callId, digit) => {
      call(callId);
      if (!/^[0-9*#A-D]$/.test(digit)) throw new Error('无效的按键');
    },
    dial: async () => {
      throw new Error('模拟来电不能外呼');
    },
    blindTransfer: async (callId, target) => {
      call(callId);
      emit({ type: 'transferResult', callId, ok: true, detail: target });
      end(callId, 'local', null);
    },
    attendedTransfer: async () => {
      throw new Error('模拟来电不能咨询转接');
    },
    restartMedia: async () => undefined,
    acceptMonitor: async () => {
      throw new Error('模拟来电不能被监听');
    },
    dialMonitor: async () => {
      throw new Error('培训中不能监听');
    },
    setMonitorMode: async () => {
      throw new Error('培训中不能监听');
    },
    replaceMicrophone: async () => undefined,
    remoteStream: () => null,
    sentTrack: () => null,
    sample: async () => null,
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
