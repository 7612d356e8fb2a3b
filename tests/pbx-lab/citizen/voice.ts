/**
 * The citizen's voice: Debian's espeak-ng speaking Mandarin (`-v cmn`), generated offline, cached
 * by text, and turned into the PCMU frames a phone line carries.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readWav } from '../wav-tone';
import { encodeMuLaw } from './g711';
import { FRAME_SAMPLES, toTelephoneRate } from './pcm';

export const ESPEAK = '/usr/bin/espeak-ng';
const run = promisify(execFile);

export interface Voice {
  /** espeak-ng voice name. */
  readonly name: string;
  /** Words per minute. */
  readonly speed: number;
  /** 0–99; a woman's or a man's voice in a scenario. */
  readonly pitch: number;
}

export const MANDARIN: Voice = { name: 'cmn', speed: 165, pitch: 50 };

const cacheDir = () => join(process.env.MINSHENG_VOICE_CACHE ?? join(tmpdir(), 'minsheng-citizen-voice'));

/** A WAV file of `text` spoken in `voice`, synthesised once per text and voice. */
export const synthesise = async (text: string, voice: Voice = MANDARIN): Promise<string> => {
  if (!existsSync(ESPEAK)) throw new Error('模拟市民需要 espeak-ng（apt-get install espeak-ng）');
  const key = createHash('sha256')
    .update(JSON.stringify([voice, text]))
    .digest('hex')
    .slice(0, 24);
  const file = join(cacheDir(), `${key}.wav`);
  if (existsSync(file)) return file;
  mkdirSync(cacheDir(), { recursive: true });
  const partial = `${file}.${process.pid}.part`;
  // Text goes as an argument, never through a shell.
  await run(ESPEAK, ['-v', voice.name, '-s', String(voice.speed), '-p', String(voice.pitch), '-w', partial, '--', text]);
  renameSync(partial, file);
  return file;
};

/** PCMU frames of 20 ms, the last one padded with silence. */
export const phoneFrames = (wavFile: string): Uint8Array[] => {
  const pcm = readWav(wavFile);
  const samples = toTelephoneRate(pcm.samples, pcm.rate);
  const frames: Uint8Array[] = [];
  for (let start = 0; start < samples.length; start += FRAME_SAMPLES) {
    const frame = new Uint8Array(FRAME_SAMPLES);
    for (let index = 0; index < FRAME_SAMPLES; index += 1) frame[index] = encodeMuLaw(samples[start + index] ?? 0);
    frames.push(frame);
  }
  return frames;
};
