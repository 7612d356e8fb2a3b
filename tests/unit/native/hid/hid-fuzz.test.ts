import { describe, expect, it } from 'vitest';
import { parseReportDescriptor } from '../../../../native/hid/descriptor-parser';
import { createHeadsetSession } from '../../../../native/hid/headset-session';
import { HidFormatError } from '../../../../native/hid/hid-error';
import { telephonyInterfaces } from '../../../../native/hid/telephony-controls';
import { FIXTURES, fixtureBytes } from './hid-fixtures';

/** A small seeded PRNG (mulberry32): every run tries the same inputs, a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const randomBytes = (next: () => number, length: number) => Uint8Array.from({ length }, () => Math.floor(next() * 256));

/** Parses and, when the descriptor is a headset, drives a session with random reports. */
const exercise = (descriptor: Uint8Array, next: () => number): void => {
  let parsed;
  try {
    parsed = parseReportDescriptor(descriptor);
  } catch (error) {
    if (error instanceof HidFormatError) return;
    throw error;
  }
  for (const telephony of telephonyInterfaces(parsed)) {
    const session = createHeadsetSession(telephony);
    for (let report = 0; report < 20; report += 1) {
      try {
        session.onReport(randomBytes(next, Math.floor(next() * 6)), report * 100);
      } catch (error) {
        if (!(error instanceof HidFormatError)) throw error;
      }
      session.onCallState({ ringing: next() < 0.5, inCall: next() < 0.5, muted: next() < 0.5, held: next() < 0.5 }, report * 100);
    }
  }
};

describe('HID fuzz: nothing a device sends escapes as anything but HidFormatError', () => {
  it('5 000 random descriptors', () => {
    const next = random(12345);
    for (let round = 0; round < 5_000; round += 1)
      expect(() => exercise(randomBytes(next, 1 + Math.floor(next() * 64)), next)).not.toThrow();
  });

  it('every truncation and 2 000 bit flips of each real descriptor', () => {
    const next = random(67890);
    for (const name of FIXTURES) {
      const bytes = fixtureBytes(name);
      for (let length = 0; length < bytes.length; length += 1)
        expect(() => exercise(bytes.subarray(0, length), next)).not.toThrow();
      for (let round = 0; round < 2_000; round += 1) {
        const flipped = Uint8Array.from(bytes);
        const at = Math.floor(next() * flipped.length);
        flipped[at] = flipped[at]! ^ (1 << Math.floor(next() * 8));
        expect(() => exercise(flipped, next)).not.toThrow();
      }
    }
  });

  it('a truncated real descriptor is refused with the offset where it broke', () => {
    const bytes = fixtureBytes('0b0e-0307');
    expect(() => parseReportDescriptor(bytes.subarray(0, 100))).toThrow(HidFormatError);
  });
});
