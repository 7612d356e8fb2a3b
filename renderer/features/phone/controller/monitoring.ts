/**
 * Monitoring sessions from both ends (issue #16, docs/monitoring.md). A monitoring leg is never a
 * call on screen: it makes no call record, moves no agent state and rings nothing. The agent's
 * console checks the lead's permission in main before it answers, mixes in monitor-mix, and audits
 * each mode with its start and end. The lead's console asks the platform for the permission and
 * dials the agent's extension with a Join naming the agent's call.
 */
import type { MonitorMode } from '../../../../preload/contract/monitor-contract';
import { desk } from '../../../shared/desk/desk-client';
import type { MonitorAdapter } from '../domain/monitor-adapter';
import type { MonitorOffer } from '../engine/call-engine';
import { routeTo } from '../media/audio-devices';
import { type MonitorMix, startMonitorMix } from '../media/monitor-mix';
import { microphoneId, speakerId } from './devices';
import { currentRuntime, failure, get, need, notice, set } from './runtime';

export const MARK_MONITOR_CLICK = 'minsheng:monitor-click';
export const MEASURE_MONITOR_AUDIO = 'minsheng:monitor-first-audio';

interface Segment {
  readonly mode: MonitorMode;
  readonly startedAt: number;
}

export type MonitorSession =
  | {
      readonly role: 'agent';
      readonly legId: string;
      readonly joinsCallId: string;
      readonly sipCallId: string;
      readonly lead: string;
      readonly mix: MonitorMix;
      segment: Segment;
    }
  | {
      readonly role: 'lead';
      /** null until the INVITE has gone out. */
      legId: string | null;
      readonly agentId: string;
      player: HTMLAudioElement | null;
    };

/**
 * Events of a lead's leg that came before dialMonitor returned its id (a fast answer or refusal):
 * kept and replayed once the id is known. Only while the lead's INVITE is going out, and only for
 * a call the console does not show (its own calls are all on screen).
 */
const early = new Map<string, (() => void)[]>();

const awaitingLeg = (callId: string): boolean => {
  const session = currentRuntime()?.monitor;
  return session?.role === 'lead' && session.legId === null && !get().calls[callId];
};

export const isMonitorLeg = (callId: string): boolean => currentRuntime()?.monitor?.legId === callId || awaitingLeg(callId);

const keepForLater = (callId: string, replay: () => void): boolean => {
  if (!awaitingLeg(callId)) return false;
  early.set(callId, [...(early.get(callId) ?? []), replay]);
  return true;
};

// ── the agent's side ─────────────────────────────────────────────────────────

const logSegment = (session: Extract<MonitorSession, { role: 'agent' }>, sessionEnded: boolean): void => {
  void desk()
    .monitor.segmentEnded({
      lead: session.lead,
      callId: session.sipCallId,
      mode: session.segment.mode,
      startedAt: new Date(session.segment.startedAt).toISOString(),
      endedAt: new Date().toISOString(),
      sessionEnded,
    })
    .catch(() => undefined);
};

/** A lead's INVITE joined one of our calls: the permission is checked before anything is answered. */
export const monitorOffered = async (offer: MonitorOffer): Promise<void> => {
  const rt = need();
  if (rt.monitor) {
    void rt.engine.reject(offer.id, 486).catch(() => undefined);
    return;
  }
  const verdict = await desk().monitor.checkInvite({ token: offer.token, callId: offer.sipCallId });
  if (!verdict.ok || !verdict.value.accepted || !verdict.value.modes.includes(offer.mode)) {
    void rt.engine.reject(offer.id, 403).catch(() => undefined);
    return;
  }
  const callerVoice = rt.engine.remoteStream(offer.joinsCallId);
  const agentMicrophone = rt.engine.sentTrack(offer.joinsCallId);
  if (!callerVoice || !agentMicrophone || rt.monitor) {
    void rt.engine.reject(offer.id, 480).catch(() => undefined);
    return;
  }
  const { lead, modes, agentNotice } = verdict.value;
  const mix = startMonitorMix({
    callerVoice,
    agentMicrophone,
    speakerId: speakerId(),
    sendToCaller: (track) => rt.engine.replaceMicrophone(offer.joinsCallId, track),
  });
  rt.monitor = {
    role: 'agent',
    legId: offer.id,
    joinsCallId: offer.joinsCallId,
    sipCallId: offer.sipCallId,
    lead,
    mix,
    segment: { mode: offer.mode, startedAt: Date.now() },
  };
  try {
    await rt.engine.acceptMonitor(offer.id, mix.toLead, modes);
  } catch (error) {
    rt.monitor = null;
    await mix.stop();
    failure(error);
    return;
  }
  set({ monitor: { role: 'agent', lead, mode: offer.mode, notice: agentNotice } });
};

/** 静音 on a call a lead is monitoring: the mix mutes the agent toward the caller only. False: not monitored. */
export const monitoredCallMuted = (callId: string, muted: boolean): boolean => {
  const session = currentRuntime()?.monitor;
  if (session?.role !== 'agent' || session.joinsCallId !== callId) return false;
  session.mix.setAgentMuted(muted);
  return true;
};

export const monitorModeChanged = (callId: string, mode: MonitorMode): void => {
  const session = currentRuntime()?.monitor;
  if (session?.role !== 'agent' || session.legId !== callId) return;
  logSegment(session, false);
  session.segment = { mode, startedAt: Date.now() };
  void session.mix.setMode(mode).catch(failure);
  const view = get().monitor;
  if (view?.role === 'agent') set({ monitor: { ...view, mode } });
};

// ── the lead's side ──────────────────────────────────────────────────────────

/** 监听 / 耳语 / 强插 clicked on an agent: the session starts in that mode, or switches to it. */
export const monitorRequested = async (agentId: string, mode: MonitorMode): Promise<void> => {
  const rt = need();
  const current = rt.monitor;
  if (current?.role === 'lead' && current.agentId === agentId) return monitorModeRequested(mode);
  if (current) {
    notice('请先结束当前的监听');
    return;
  }
  performance.clearMarks(MARK_MONITOR_CLICK);
  performance.mark(MARK_MONITOR_CLICK);
  const session: MonitorSession = { role: 'lead', legId: null, agentId, player: null };
  rt.monitor = session;
  set({ monitor: { role: 'lead', agentId, mode, phase: 'connecting' } });
  try {
    const answer = await desk().lead.monitorGrant({ agentId });
    if (!answer.ok) throw new Error(answer.error.message);
    const { grant, error } = answer.value;
    if (!grant) throw new Error(`无法监听：${error ?? '平台未授权'}`);
    session.legId = await rt.engine.dialMonitor(grant.extension, {
      joinSipCallId: grant.callId,
      token: grant.token,
      mode,
      microphoneId: microphoneId(),
    });
    const waiting = early.get(session.legId) ?? [];
    early.clear();
    waiting.forEach((replay) => replay());
  } catch (error) {
    early.clear();
    if (rt.monitor === session) {
      rt.monitor = null;
      set({ monitor: null });
    }
    failure(error);
  }
};

export const monitorModeRequested = async (mode: MonitorMode): Promise<void> => {
  const rt = currentRuntime();
  const session = rt?.monitor;
  const view = get().monitor;
  if (session?.role !== 'lead' || !session.legId || view?.role !== 'lead' || view.phase !== 'active') return;
  if (view.mode === mode) return;
  set({ monitor: { ...view, phase: 'switching' } });
  try {
    await need().engine.setMonitorMode(session.legId, mode);
    set({ monitor: { ...view, mode, phase: 'active' } });
  } catch (error) {
    set({ monitor: { ...view, phase: 'active' } });
    failure(error);
  }
};

export const monitorStopped = async (): Promise<void> => {
  const session = currentRuntime()?.monitor;
  // The lead ends a session; the monitored agent cannot put the lead out of it.
  if (session?.role !== 'lead' || !session.legId) return;
  await need()
    .engine.hangup(session.legId)
    .catch(() => undefined);
};

/** The lead's buttons through the adapter interface: the console bridge, the only one built. */
export const consoleBridge: MonitorAdapter = {
  start: (agentId, mode) => monitorRequested(agentId, mode),
  switchMode: (mode) => monitorModeRequested(mode),
  stop: () => monitorStopped(),
};

// ── both sides: the leg's own events ─────────────────────────────────────────

export const monitorLegEstablished = (callId: string): void => {
  if (keepForLater(callId, () => monitorLegEstablished(callId))) return;
  const rt = need();
  const session = rt.monitor;
  if (!session || session.legId !== callId) return;
  const voice = rt.engine.remoteStream(callId);
  if (session.role === 'agent') {
    if (voice) session.mix.leadJoined(voice);
    void session.mix.setMode(session.segment.mode).catch(failure);
    return;
  }
  const player = new Audio();
  player.srcObject = voice;
  session.player = player;
  void routeTo(player, speakerId()).then(() => player.play().catch(() => undefined));
  const view = get().monitor;
  if (view?.role === 'lead') set({ monitor: { ...view, phase: 'active' } });
  watchFirstMonitorAudio(callId);
};

/** 监听 clicked → the first packet from the agent's console: what `lead.monitor_setup` measures. */
const watchFirstMonitorAudio = (callId: string): void => {
  const poll = async (): Promise<void> => {
    const rt = currentRuntime();
    if (rt?.monitor?.legId !== callId) return;
    const sample = await rt.engine.sample(callId);
    if (sample && sample.packetsReceived > 0) {
      if (performance.getEntriesByName(MARK_MONITOR_CLICK, 'mark').length > 0) {
        performance.measure(MEASURE_MONITOR_AUDIO, MARK_MONITOR_CLICK);
        performance.clearMarks(MARK_MONITOR_CLICK);
      }
      return;
    }
    setTimeout(() => void poll(), 5);
  };
  void poll();
};

const REFUSED: Readonly<Record<number, string>> = {
  403: '坐席拒绝了监听：平台许可无效或已用过',
  481: '无法监听：该通话已结束',
  486: '无法监听：该坐席正被其他班长监听',
};

export const monitorLegEnded = (callId: string, status: number | null): void => {
  if (keepForLater(callId, () => monitorLegEnded(callId, status))) return;
  const rt = need();
  const session = rt.monitor;
  if (!session || session.legId !== callId) return;
  rt.monitor = null;
  set({ monitor: null });
  if (session.role === 'agent') {
    logSegment(session, true);
    void session.mix.stop();
    return;
  }
  session.player?.pause();
  if (status !== null && status >= 300) notice(REFUSED[status] ?? `无法监听（${status}）`);
};

/** The agent's own call ended: the lead's leg goes with it, the call itself was never touched. */
export const monitoredCallEnded = (callId: string): void => {
  const session = currentRuntime()?.monitor;
  if (session?.role === 'agent' && session.joinsCallId === callId)
    void need()
      .engine.hangup(session.legId)
      .catch(() => undefined);
};
