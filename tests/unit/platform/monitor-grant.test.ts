import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyMonitorToken } from '../../../main/monitor/domain/monitor-token';
import { monitorGrantRoute } from '../../platform/hall/monitor-grant';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const lead = { agentId: 'L0001', centreCode: '320505', role: 'lead', team: '一组' } as const;
const NOW = Date.parse('2026-12-07T10:00:00Z');

const route =
  (overrides: Partial<Parameters<typeof monitorGrantRoute>[0]> = {}) =>
  (body: unknown) =>
    monitorGrantRoute(
      {
        privateKey,
        agentTeam: () => '一组',
        activeCall: (_agent, callId) => callId === 'up@pbx',
        currentCall: () => 'up@pbx',
        extensionOf: () => '1001',
        agentNotice: 'discreet',
        now: () => NOW,
        ...overrides,
      },
      { body, session: lead },
    );

describe('the platform’s monitoring permission', () => {
  it('clicked on the agent: names the agent’s call that is up and the extension to send the INVITE to', () => {
    const reply = route()({ agentId: 'A0001', modes: ['listen', 'whisper', 'barge'] });
    expect(reply).toMatchObject({
      status: 200,
      body: { callId: 'up@pbx', extension: '1001', modes: ['listen', 'whisper', 'barge'] },
    });
  });

  it('carries the centre’s choice to hide a silent listener from the agent, signed with the rest', () => {
    const reply = route({ agentNotice: 'hidden' })({ agentId: 'A0001', modes: ['listen'] });
    const { token } = reply.body as { token: string };
    const verdict = verifyMonitorToken(token, { publicKey, agent: 'A0001', callId: 'up@pbx', now: NOW, seen: () => false });
    expect(verdict).toMatchObject({ ok: true, claims: { agentNotice: 'hidden', lead: 'L0001', modes: ['listen'] } });
  });

  it('no call up, or no extension known: 409 with the reason, no token', () => {
    expect(route({ currentCall: () => null })({ agentId: 'A0001', modes: ['listen'] })).toMatchObject({
      status: 409,
      body: { code: 'NO_CALL' },
    });
    expect(route({ extensionOf: () => null })({ agentId: 'A0001', modes: ['listen'] })).toMatchObject({
      status: 409,
      body: { code: 'NO_EXTENSION' },
    });
  });
});
