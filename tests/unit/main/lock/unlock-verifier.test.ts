import { describe, expect, it } from 'vitest';
import { createVerifier, decodeVerifier, encodeVerifier, matchesVerifier } from '../../../../main/lock/domain/unlock-verifier';

describe('the lock PIN as kept', () => {
  it('is a salted hash: the same PIN twice gives two verifiers, each opening with that PIN only', async () => {
    const first = await createVerifier('2580');
    const second = await createVerifier('2580');
    expect(first.hash).not.toBe(second.hash);
    expect(new TextDecoder().decode(encodeVerifier(first))).not.toContain('2580');
    expect(await matchesVerifier('2580', decodeVerifier(encodeVerifier(first))!)).toBe(true);
    expect(await matchesVerifier('2581', first)).toBe(false);
    expect(await matchesVerifier('2580 ', first)).toBe(false);
  });

  it('matches a password typed with composed or decomposed characters alike', async () => {
    const verifier = await createVerifier('Café2580');
    expect(await matchesVerifier('Cafe\u03012580', verifier)).toBe(true);
  });

  it('reads a damaged or foreign record as no verifier at all', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    for (const stored of [
      '',
      'not json',
      '{}',
      '{"v":2}',
      '{"v":1,"n":16384,"r":8,"p":1,"salt":"AA==","hash":"short"}',
      '{"v":1,"n":1e12,"r":8,"p":1,"salt":"","hash":""}',
    ])
      expect(decodeVerifier(bytes(stored))).toBeNull();
    expect(decodeVerifier(null)).toBeNull();
  });
});
