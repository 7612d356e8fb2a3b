/**
 * G.711 μ-law (PCMU), the codec every PBX and carrier trunk speaks: the simulated citizen sends
 * and receives it so rtpengine never has to transcode.
 */
const BIAS = 0x84;
const CLIP = 32635;

/** One linear sample (-1..1) to a μ-law byte. */
export const encodeMuLaw = (sample: number): number => {
  let pcm = Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
  const sign = pcm < 0 ? 0x80 : 0;
  if (pcm < 0) pcm = -pcm;
  pcm = Math.min(pcm, CLIP) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (pcm & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (pcm >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
};

/** One μ-law byte to a linear sample (-1..1). */
export const decodeMuLaw = (byte: number): number => {
  const value = ~byte & 0xff;
  const exponent = (value >> 4) & 0x07;
  const magnitude = ((((value & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return ((value & 0x80) !== 0 ? -magnitude : magnitude) / 32768;
};

export const MU_LAW_SILENCE = encodeMuLaw(0);
