import { routeTo } from './audio-devices';

/**
 * The ring: a two-tone pattern synthesised in the page (no sound file to lose), played on the
 * ringer device and, when it is a different device, also in the headset, so a call-taker with
 * the headset on hears the first ring of the day.
 */
export interface Ringing {
  stop(): void;
}

interface RingSource {
  readonly context: AudioContext;
  readonly gain: GainNode;
  readonly stream: MediaStream;
}

/**
 * One audio graph for the console's life: creating an AudioContext per call cost ~100 ms of the
 * page's main thread on the first ring and a few ms after, right while the caller panel paints.
 */
let source: RingSource | null = null;

const ringSource = (): RingSource => {
  if (source && source.context.state !== 'closed') return source;
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const gain = context.createGain();
  gain.gain.value = 0;
  const low = context.createOscillator();
  const high = context.createOscillator();
  low.frequency.value = 440;
  high.frequency.value = 480;
  low.connect(gain);
  high.connect(gain);
  gain.connect(destination);
  low.start();
  high.start();
  source = { context, gain, stream: destination.stream };
  return source;
};

/** Builds the ring's audio graph ahead of the first call; suspended (no audio work) until one rings. */
export const prepareRinger = (): void => {
  if (typeof AudioContext === 'undefined') return;
  void ringSource()
    .context.suspend()
    .catch(() => undefined);
};

export const startRinging = (sinkIds: readonly (string | null)[]): Ringing => {
  const { context, gain, stream } = ringSource();
  void context.resume().catch(() => undefined);
  const now = context.currentTime;
  gain.gain.cancelScheduledValues(now);
  // 1 s on, 2 s off for two minutes: the longest a queue lets a call ring.
  for (let cycle = 0; cycle < 40; cycle += 1) {
    gain.gain.setValueAtTime(0.2, now + cycle * 3);
    gain.gain.setValueAtTime(0, now + cycle * 3 + 1);
  }
  const elements = [...new Set(sinkIds)].map((sinkId) => {
    const element = new Audio();
    element.srcObject = stream;
    void routeTo(element, sinkId).then(() => element.play().catch(() => undefined));
    return element;
  });
  return {
    stop: () => {
      gain.gain.cancelScheduledValues(context.currentTime);
      gain.gain.setValueAtTime(0, context.currentTime);
      elements.forEach((element) => {
        element.pause();
        element.srcObject = null;
      });
      void context.suspend().catch(() => undefined);
    },
  };
};

/** The short beep before an automatic answer, so the agent knows the caller is there. */
export const beep = async (): Promise<void> => {
  const context = new AudioContext();
  const tone = context.createOscillator();
  tone.frequency.value = 880;
  tone.connect(context.destination);
  tone.start();
  tone.stop(context.currentTime + 0.15);
  await new Promise((resolve) => setTimeout(resolve, 180));
  await context.close().catch(() => undefined);
};
