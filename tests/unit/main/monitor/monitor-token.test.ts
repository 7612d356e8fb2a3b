import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MONITOR_TOKEN_TTL_MS, signMonitorToken, verifyMonitorToken } from '../../../../main/monitor/domain/monitor-token';

const platform = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const NOW = Date.parse('2026-12-07T05:00:00Z');
const grant = {
  centre: '320505',
  lead: 'L0001',
  agent: 'A0003',
  callId: 'abc-123@pbx',
  modes: ['listen' as const, 'whisper' as const],
};
const memory = () => {
  const seen = new Set<string>();
  return (jti: string) => seen.has(jti) || (seen.add(jti), false);
};
const check = (token: string, overrides: Partial<Parameters<typeof verifyMonitorToken>[1]> = {}) =>
  verifyMonitorToken(token, {
    publicKey: platform.publicKey,
    agent: 'A0003',
    callId: 'abc-123@pbx',
    now: NOW + 1_000,
    seen: memory(),
    ...overrides,
  });

describe('a lead’s monitoring permission', () => {
  it('is accepted once, for this agent’s call, within its 30 s', () => {
    const { token } = signMonitorToken(grant, platform.privateKey, NOW);
    const seen = memory();
    expect(check(token, { seen })).toMatchObject({ ok: true, claims: { lead: 'L0001', modes: ['listen', 'whisper'] } });
    expect(check(token, { seen })).toEqual({ ok: false, reason: 'replayed' });
  });

  it('is refused forged, tampered, expired, early, or for another agent or call', () => {
    const { token } = signMonitorToken(grant, platform.privateKey, NOW);
    expect(check(signMonitorToken(grant, stranger.privateKey, NOW).token)).toEqual({ ok: false, reason: 'signature' });
    const [body, signature] = token.split('.') as [string, string];
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), modes: ['barge'] }),
    ).toString('base64url');
    expect(check(`${widened}.${signature}`)).toEqual({ ok: false, reason: 'signature' });
    expect(check(token, { now: NOW + MONITOR_TOKEN_TTL_MS })).toEqual({ ok: false, reason: 'expired' });
    expect(check(token, { now: NOW - 10_000 })).toEqual({ ok: false, reason: 'not-yet-valid' });
    expect(check(token, { agent: 'A0004' })).toEqual({ ok: false, reason: 'foreign-agent' });
    expect(check(token, { callId: 'other@pbx' })).toEqual({ ok: false, reason: 'foreign-call' });
    for (const garbage of ['', 'a', 'a.b.c', `${body}.!!!`, 'x'.repeat(3000)])
      expect(check(garbage).ok, garbage.slice(0, 20)).toBe(false);
  });
});
