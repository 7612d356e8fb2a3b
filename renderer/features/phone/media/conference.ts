/**
 * 三方通话 mixed in the console, no PBX conference bridge needed: each leg is sent the agent's
 * microphone plus the other leg's voice, and the agent hears both legs (their own audio elements).
 * Muting during the conference silences only the microphone in both mixes.
 */
export interface ConferenceLeg {
  readonly callId: string;
  readonly remote: MediaStream;
}

export interface Conference {
  setMuted(muted: boolean): void;
  stop(): void;
}

export const startConference = async (
  legs: readonly [ConferenceLeg, ConferenceLeg],
  microphone: MediaStream,
  sendTo: (callId: string, track: MediaStreamTrack) => Promise<void>,
): Promise<Conference> => {
  const context = new AudioContext();
  const mic = context.createGain();
  context.createMediaStreamSource(microphone).connect(mic);
  const [first, second] = legs;
  const fromFirst = context.createMediaStreamSource(first.remote);
  const fromSecond = context.createMediaStreamSource(second.remote);
  const toFirst = context.createMediaStreamDestination();
  const toSecond = context.createMediaStreamDestination();
  mic.connect(toFirst);
  mic.connect(toSecond);
  fromSecond.connect(toFirst);
  fromFirst.connect(toSecond);
  const firstTrack = toFirst.stream.getAudioTracks()[0];
  const secondTrack = toSecond.stream.getAudioTracks()[0];
  if (!firstTrack || !secondTrack) throw new Error('无法建立三方混音');
  await sendTo(first.callId, firstTrack);
  await sendTo(second.callId, secondTrack);
  return {
    setMuted: (muted) => mic.gain.setValueAtTime(muted ? 0 : 1, context.currentTime),
    stop: () => {
      microphone.getTracks().forEach((track) => track.stop());
      void context.close().catch(() => undefined);
    },
  };
};
