/**
 * The agent's console as the monitoring bridge (issue #16, docs/monitoring.md). The lead is always
 * sent caller + agent. What comes back from the lead goes nowhere in listen mode, to the agent's
 * headset in whisper, and to the agent's headset and the caller in barge.
 *
 * The lead is heard through an audio element, never through the AudioContext's output: Chromium's
 * echo canceller only sees audio played by media elements, and the lead's voice must be cancelled
 * out of the agent's microphone, which goes to the caller in whisper. The caller's leg is never
 * re-negotiated: barge swaps the track its sender carries (replaceTrack), and swaps it back.
 *
 * While monitored, 静音 mutes the agent toward the caller only: the lead still hears the agent, so
 * an agent being coached can answer the lead without the caller hearing. The lead's mix therefore
 * takes a clone of the microphone, whose on/off is its own.
 */
import type { MonitorMode } from '../../../../preload/contract/monitor-contract';
import { routeTo } from './audio-devices';

export interface MonitorMix {
  /** What the lead's leg sends: caller and agent. */
  readonly toLead: MediaStream;
  /** The lead's leg is up: their voice is ready to be routed by mode. */
  leadJoined(leadVoice: MediaStream): void;
  setMode(mode: MonitorMode): Promise<void>;
  /** The agent's 静音 during the session: toward the caller only, in every mode. */
  setAgentMuted(muted: boolean): void;
  /** The caller's leg gets the agent's microphone back; nothing of the lead stays in the call. */
  stop(): Promise<void>;
}

export const startMonitorMix = (parts: {
  readonly callerVoice: MediaStream;
  readonly agentMicrophone: MediaStreamTrack;
  readonly speakerId: string | null;
  readonly sendToCaller: (track: MediaStreamTrack) => Promise<void>;
}): MonitorMix => {
  const context = new AudioContext();
  const microphoneForLead = parts.agentMicrophone.clone();
  // Cloned from a muted microphone it starts disabled: the lead hears the agent regardless.
  microphoneForLead.enabled = true;
  const agent = context.createMediaStreamSource(new MediaStream([microphoneForLead]));
  const caller = context.createMediaStreamSource(parts.callerVoice);
  const toLead = context.createMediaStreamDestination();
  agent.connect(toLead);
  caller.connect(toLead);
  // Only used in barge: the agent's microphone plus the lead, in place of the microphone alone.
  const toCaller = context.createMediaStreamDestination();
  const agentToCaller = context.createGain();
  agentToCaller.gain.value = parts.agentMicrophone.enabled ? 1 : 0;
  agent.connect(agentToCaller);
  agentToCaller.connect(toCaller);
  const leadToCaller = context.createGain();
  leadToCaller.gain.value = 0;
  leadToCaller.connect(toCaller);
  const bargeTrack = toCaller.stream.getAudioTracks()[0];
  const leadPlayer = new Audio();
  leadPlayer.muted = true;
  let mode: MonitorMode = 'listen';
  let callerCarriesLead = false;

  const routeCaller = async (barge: boolean): Promise<void> => {
    if (barge === callerCarriesLead || !bargeTrack) return;
    await parts.sendToCaller(barge ? bargeTrack : parts.agentMicrophone);
    callerCarriesLead = barge;
  };

  return {
    toLead: toLead.stream,
    leadJoined: (leadVoice) => {
      leadPlayer.srcObject = leadVoice;
      // A remote WebRTC stream reaches WebAudio only while a media element plays it (Chromium).
      void routeTo(leadPlayer, parts.speakerId).then(() => leadPlayer.play().catch(() => undefined));
      context.createMediaStreamSource(leadVoice).connect(leadToCaller);
    },
    setMode: async (next) => {
      mode = next;
      leadPlayer.muted = mode === 'listen';
      leadToCaller.gain.setValueAtTime(mode === 'barge' ? 1 : 0, context.currentTime);
      await routeCaller(mode === 'barge');
    },
    setAgentMuted: (muted) => {
      // Listen and whisper: the caller's leg sends the microphone itself; barge: the mix.
      parts.agentMicrophone.enabled = !muted;
      agentToCaller.gain.setValueAtTime(muted ? 0 : 1, context.currentTime);
    },
    stop: async () => {
      leadPlayer.pause();
      leadPlayer.srcObject = null;
      await routeCaller(false).catch(() => undefined);
      microphoneForLead.stop();
      await context.close().catch(() => undefined);
    },
  };
};
