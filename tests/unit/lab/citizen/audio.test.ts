import { describe, expect, it } from 'vitest';
import { decodeMuLaw, encodeMuLaw, MU_LAW_SILENCE } from '../../../pbx-lab/citizen/g711';
import { levelDbfs, toTelephoneRate } from '../../../pbx-lab/citizen/pcm';
import { toneShare } from '../../../pbx-lab/wav-tone';

const sine = (hz: number, rate: number, seconds: number, amplitude = 0.5) =>
  Float64Array.from(
    { length: Math.round(rate * seconds) },
    (_, index) => amplitude * Math.sin((2 * Math.PI * hz * index) / rate),
  );

describe('G.711 μ-law', () => {
  it('encodes silence as 0xFF and full scale at the ends of the code space', () => {
    expect(MU_LAW_SILENCE).toBe(0xff);
    expect(encodeMuLaw(1)).toBe(0x80);
    expect(encodeMuLaw(-1)).toBe(0x00);
  });

  it('round-trips within the companding error at every level', () => {
    for (const sample of [0.001, 0.01, 0.1, 0.3, 0.9, -0.002, -0.05, -0.7]) {
      const back = decodeMuLaw(encodeMuLaw(sample));
      expect(Math.sign(back)).toBe(Math.sign(sample));
      expect(Math.abs(back - sample)).toBeLessThan(Math.abs(sample) * 0.07 + 0.0005);
    }
  });

  it('clips what is beyond full scale instead of wrapping', () => {
    expect(encodeMuLaw(5)).toBe(encodeMuLaw(1));
    expect(decodeMuLaw(encodeMuLaw(-5))).toBeLessThan(-0.9);
  });
});

describe('telephone-rate audio', () => {
  it('keeps a voice-band tone when going from espeak’s 22 050 Hz to 8 kHz', () => {
    const resampled = toTelephoneRate(sine(440, 22_050, 1), 22_050);
    expect(resampled.length).toBe(8_000);
    expect(toneShare({ rate: 8_000, samples: resampled }, 440, 0, 1)).toBeGreaterThan(0.9);
  });

  it('refuses a rate below the telephone rate', () => {
    expect(() => toTelephoneRate(new Float64Array(10), 4_000)).toThrow(/4000/);
  });

  it('measures a half-scale sine at about -9 dBFS and digital silence as -Infinity', () => {
    expect(levelDbfs(sine(1_000, 8_000, 0.02))).toBeCloseTo(-9.03, 1);
    expect(levelDbfs(new Float64Array(160))).toBe(-Infinity);
  });
});
