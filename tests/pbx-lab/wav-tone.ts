/**
 * How much of a recording is one pure tone: what baresip decoded (its sndfile dump) tells which
 * party's voice reached it, since each lab phone "speaks" its own sine frequency.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface Pcm {
  readonly rate: number;
  readonly samples: Float64Array;
}

/** 16-bit PCM WAV, first channel. A dump still open has no final sizes: the data runs to the end. */
export const readWav = (file: string): Pcm => {
  const bytes = readFileSync(file);
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error(`${file}: not a WAV file`);
  let offset = 12;
  let rate = 0;
  let channels = 1;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (bytes.readUInt16LE(body) !== 1 || bytes.readUInt16LE(body + 14) !== 16) throw new Error(`${file}: not 16-bit PCM`);
      channels = bytes.readUInt16LE(body + 2);
      rate = bytes.readUInt32LE(body + 4);
    }
    if (id === 'data') {
      const end = size > 0 && body + size <= bytes.length ? body + size : bytes.length;
      const frames = Math.floor((end - body) / (2 * channels));
      const samples = new Float64Array(frames);
      for (let frame = 0; frame < frames; frame += 1) samples[frame] = bytes.readInt16LE(body + frame * 2 * channels) / 32768;
      return { rate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
};

/** Share (0..1) of the segment's energy at `hz` (Goertzel); ~1 for a pure tone, ~0 when it is absent. */
export const toneShare = (pcm: Pcm, hz: number, fromSecond: number, toSecond: number): number => {
  const start = Math.max(0, Math.floor(fromSecond * pcm.rate));
  const end = Math.min(pcm.samples.length, Math.floor(toSecond * pcm.rate));
  const n = end - start;
  if (n <= 0) return 0;
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / pcm.rate);
  let previous = 0;
  let beforePrevious = 0;
  let energy = 0;
  for (let index = start; index < end; index += 1) {
    const sample = pcm.samples[index] ?? 0;
    energy += sample * sample;
    const current = sample + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return energy === 0 ? 0 : (2 * power) / n / energy;
};

export const durationSeconds = (pcm: Pcm): number => pcm.samples.length / pcm.rate;

/** The highest share of `hz` in any window of the recording: when in the call it was heard does not matter. */
export const bestToneShare = (pcm: Pcm, hz: number, windowSeconds = 1): number => {
  let best = 0;
  for (let from = 0; from + windowSeconds <= durationSeconds(pcm); from += 0.25) {
    best = Math.max(best, toneShare(pcm, hz, from, from + windowSeconds));
  }
  return best;
};

/** A mono 16-bit 48 kHz WAV of one sine: a Chromium's fake microphone (--use-file-for-fake-audio-capture) speaks it. */
export const writeToneWav = (file: string, hz: number, seconds = 4): void => {
  const rate = 48_000;
  const frames = rate * seconds;
  const bytes = Buffer.alloc(44 + frames * 2);
  bytes.write('RIFF', 0, 'ascii');
  bytes.writeUInt32LE(36 + frames * 2, 4);
  bytes.write('WAVEfmt ', 8, 'ascii');
  bytes.writeUInt32LE(16, 16);
  bytes.writeUInt16LE(1, 20);
  bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(rate, 24);
  bytes.writeUInt32LE(rate * 2, 28);
  bytes.writeUInt16LE(2, 32);
  bytes.writeUInt16LE(16, 34);
  bytes.write('data', 36, 'ascii');
  bytes.writeUInt32LE(frames * 2, 40);
  for (let frame = 0; frame < frames; frame += 1)
    bytes.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * frame) / rate) * 0.4 * 32767), 44 + frame * 2);
  writeFileSync(file, bytes);
};
