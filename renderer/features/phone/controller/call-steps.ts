/**
 * The steps every path takes (a click, a shortcut, an engine event, a reconnect): move a call to
 * its next state, write its record, stop the ringer, let a call go, answer. Imports nothing else
 * of the controller but runtime and devices, so actions and engine reactions both build on it.
 */
import type { CallRecord } from '../../../../preload/contract';
import { desk } from '../../../shared/desk/desk-client';
import { type CallEvent, type CallState, stepCall } from '../domain/call-state';
import { purposeRules } from '../domain/call-purpose';
import { type CallView, incomingCallCleared } from '../phone-store';
import { currentRuntime, failure, get, iso, need, notice, set } from './runtime';
import { microphoneId, microphoneStream } from './devices';

// ── call records ─────────────────────────────────────────────────────────────

export const saveRecord = (id: string, state: CallState, transferTarget: string | null = null): void => {
  const rt = need();
  const base = rt.records.get(id);
  if (!base || !purposeRules(base.purpose).recorded) return;
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
  const previous = rt.recordWrites.get(id) ?? Promise.resolve();
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
      await rt.disposables.sleep(1_000);
      if (currentRuntime() !== rt) return;
    }
  });
  rt.recordWrites.set(id, written);
  void written.finally(() => {
    if (rt.recordWrites.get(id) === written) rt.recordWrites.delete(id);
  });
};

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
  if (next.kind === 'active' && call.state.kind !== 'active' && purposeRules(call.purpose).countsAsAgentCall)
    need().gate.callStarted();
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
  if (live.length > 0 && live.every((call) => call.consult)) {
    // The main call went (transferred or hung up) while a consultation stays: it becomes the agent's
    // call, so its end brings 话后整理. Its record keeps saying it began as a consultation.
    live.forEach((call) => updateCall(call.id, (view) => ({ ...view, consult: false, purpose: 'outbound' })));
  }
  const agentCallsLeft = Object.values(get().calls).some(
    (call) => call.state.kind !== 'ended' && purposeRules(call.purpose).countsAsAgentCall,
  );
  const ended = get().calls[id];
  if (!agentCallsLeft && ended && purposeRules(ended.purpose).countsAsAgentCall) rt.gate.callEnded();
  // The ended call stays visible briefly so the agent sees how it ended.
  rt.disposables.timeout(() => {
    const { [id]: _gone, ...rest } = get().calls;
    set({ calls: rest });
  }, 3_000);
};

export const answerCall = async (callId: string): Promise<void> => {
  const rt = need();
  stopRinging();
  await rt.engine.answer(callId, microphoneId()).catch(failure);
};

/** A leg left the conference: the one still up gets the plain microphone back. */
export const endConference = (remaining: readonly string[]): void => {
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
