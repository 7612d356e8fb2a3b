/** What the citizen needs of audio: telephone-rate samples from TTS output, and how loud a frame is. */

export const TELEPHONE_RATE = 8_000;
/** 20 ms at 8 kHz: one RTP packet of PCMU. */
export const FRAME_SAMPLES = 160;

/**
 * To 8 kHz. A moving average over the source samples one output sample spans is the low-pass:
 * plenty for speech that only has to be intelligible on a phone line.
 */
export const toTelephoneRate = (samples: Float64Array, rate: number): Float64Array => {
  if (!Number.isFinite(rate) || rate < TELEPHONE_RATE) throw new Error(`unsupported sample rate ${rate}`);
  const step = rate / TELEPHONE_RATE;
  const out = new Float64Array(Math.floor(samples.length / step));
  for (let index = 0; index < out.length; index += 1) {
    const from = Math.floor(index * step);
    const to = Math.max(from + 1, Math.floor((index + 1) * step));
    let sum = 0;
    for (let source = from; source < to; source += 1) sum += samples[source] ?? 0;
    out[index] = sum / (to - from);
  }
  return out;
};

/** RMS level in dBFS; digital silence is -Infinity. */
export const levelDbfs = (samples: ArrayLike<number>): number => {
  if (samples.length === 0) return -Infinity;
  let energy = 0;
  for (let index = 0; index < samples.length; index += 1) energy += (samples[index] ?? 0) ** 2;
  return 10 * Math.log10(energy / samples.length);
};
