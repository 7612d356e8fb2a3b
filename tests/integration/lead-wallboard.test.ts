import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { context, startSyncedConsole, startTestPlatform, waitFor } from '../harness/sync-fixtures';
import { useTempDirs } from '../harness/temp-dir';
import { citizenCallRecord } from '../harness/call-record';
import { platformSignIn, pushAgentState } from '../harness/platform-http';

const tempDir = useTempDirs();

const signIn = platformSignIn;
const wallboard = (url: string, token: string) =>
  fetch(`${url}/v1/lead/wallboard`, { headers: { authorization: `Bearer ${token}` } });

describe('the team-lead routes of the reference platform', () => {
  it('gives roles and teams at sign-in, refuses the wallboard to an agent, and sends a lead only its team’s deltas', async () => {
    const platform = await startTestPlatform(tempDir());
    try {
      const agent = await signIn(platform.url, 'A0001');
      const otherTeam = await signIn(platform.url, 'A0021');
      const lead = await signIn(platform.url, 'L0001');
      const admin = await signIn(platform.url, 'M0001');
      expect([agent.role, agent.team, lead.role, lead.team, admin.role, admin.team]).toEqual([
        'agent',
        '一组',
        'lead',
        '一组',
        'admin',
        null,
      ]);

      // An agent's token, a forged one and none at all: refused by the platform, not just hidden by the console.
      const refused = await wallboard(platform.url, agent.token);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('FORBIDDEN');
      expect((await wallboard(platform.url, 'forged-token-forged-token')).status).toBe(401);
      expect((await fetch(`${platform.url}/v1/lead/wallboard`)).status).toBe(401);

      const live = new WebSocket(`${platform.url.replace('http', 'ws')}/v1/live`, {
        headers: { authorization: `Bearer ${lead.token}` },
      });
      const agentLive = new WebSocket(`${platform.url.replace('http', 'ws')}/v1/live`, {
        headers: { authorization: `Bearer ${agent.token}` },
      });
      const frames: { type: string; delta?: { agents?: { agentId: string; state: string }[] } }[] = [];
      const agentFrames: { type: string }[] = [];
      live.on('message', (data) => frames.push(JSON.parse(data.toString()) as (typeof frames)[number]));
      agentLive.on('message', (data) => agentFrames.push(JSON.parse(data.toString()) as { type: string }));
      await Promise.all([live, agentLive].map((socket) => new Promise((resolve) => socket.once('open', resolve))));

      const push = (token: string, agentId: string, state: string, extension: string) =>
        pushAgentState(platform.url, token, { agentId, state, extension });
      expect((await push(agent.token, 'A0001', 'ready', '1001')).status).toBe(200);
      expect((await push(otherTeam.token, 'A0021', 'not-ready', '1021')).status).toBe(200);
      await expect.poll(() => frames.filter((frame) => frame.type === 'wallboard').length).toBe(2);
      const rows = frames.flatMap((frame) => frame.delta?.agents ?? []);
      // The lead of 一组 sees A0001 change, and nothing of 二组's agent.
      expect(rows).toEqual([expect.objectContaining({ agentId: 'A0001', state: 'ready' })]);
      expect(agentFrames.filter((frame) => frame.type === 'wallboard')).toEqual([]);

      const snapshot = (await (await wallboard(platform.url, lead.token)).json()) as {
        agents: { agentId: string }[];
        queue: { agentsByState: Record<string, number> };
      };
      expect(snapshot.agents.map((row) => row.agentId)).toEqual(['A0001']);
      // The queue is the centre's: both agents count in the states.
      expect(snapshot.queue.agentsByState).toMatchObject({ ready: 1, 'not-ready': 1 });
      const adminView = (await (await wallboard(platform.url, admin.token)).json()) as { agents: { agentId: string }[] };
      expect(adminView.agents.map((row) => row.agentId).sort()).toEqual(['A0001', 'A0021']);
      live.close();
      agentLive.close();
    } finally {
      await platform.close();
    }
  });

  it('flags a console’s call whose quality turned poor in the lead’s grid, from the call record it pushes', async () => {
    const platform = await startTestPlatform(tempDir());
    const agent = await startSyncedConsole(tempDir(), platform.url, 'A0003');
    try {
      const lead = await signIn(platform.url, 'L0001');
      const at = new Date().toISOString();
      await agent.dispatch('phone.agentStateChanged', { state: 'on-call', reason: null, phoneRegistered: true, at }, context);
      const call = citizenCallRecord('13912345678', { ringAt: at, answerAt: at, mos: 2.7 });
      expect((await agent.dispatch('phone.recordCall', call, context)).ok).toBe(true);
      const row = await waitFor(
        async () =>
          (
            (await (await wallboard(platform.url, lead.token)).json()) as {
              agents: { agentId: string; callMos: number | null }[];
            }
          ).agents.find((candidate) => candidate.agentId === 'A0003') ?? null,
        (found) => found?.callMos === 2.7,
      );
      expect(row).toMatchObject({ state: 'on-call', callMos: 2.7 });
      // Kept with the console's call record too, and sent with it.
      expect(((await agent.db.repos.phone.recentCalls(1))[0] as { mos: number | null }).mos).toBe(2.7);
    } finally {
      await agent.close();
      await platform.close();
    }
  });

  it('gives a lead a monitoring permission for an agent’s live call, and nobody else one', async () => {
    const platform = await startTestPlatform(tempDir());
    const agent = await startSyncedConsole(tempDir(), platform.url, 'A0003');
    try {
      const call = citizenCallRecord('13912345678');
      expect((await agent.dispatch('phone.recordCall', call, context)).ok).toBe(true);
      await waitFor(
        () => agent.db.repos.outbox.stats(),
        (stats) => stats.pending === 0,
      );
      const grant = async (who: string, body: unknown) =>
        fetch(`${platform.url}/v1/lead/monitor-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${(await signIn(platform.url, who)).token}` },
          body: JSON.stringify(body),
        });
      const wanted = { agentId: 'A0003', callId: call.sipCallId, modes: ['listen'] };
      // The lead's INVITE goes to the extension the agent's console last reported: none yet, none given.
      expect(await (await grant('L0001', wanted)).json()).toMatchObject({ code: 'NO_EXTENSION' });
      const agentToken = await signIn(platform.url, 'A0003');
      expect(
        (await pushAgentState(platform.url, agentToken.token, { agentId: 'A0003', state: 'on-call', extension: '8003' })).status,
      ).toBe(200);
      expect((await grant('A0004', wanted)).status).toBe(403);
      expect((await grant('L0002', wanted)).status).toBe(404);
      expect((await grant('L0001', { ...wanted, callId: 'not-this-call@pbx' })).status).toBe(409);
      expect((await grant('L0001', { ...wanted, modes: ['eavesdrop'] })).status).toBe(400);
      // Clicked on the agent, not on a call: the permission names the agent's call that is up — the
      // caller's, even while the agent consults a department on a newer one.
      const consult = citizenCallRecord('12319', { purpose: 'consult', direction: 'outbound', from: null });
      expect((await agent.dispatch('phone.recordCall', consult, context)).ok).toBe(true);
      await waitFor(
        () => agent.db.repos.outbox.stats(),
        (stats) => stats.pending === 0,
      );
      const forAgent = await grant('L0001', { agentId: 'A0003', modes: ['listen', 'whisper', 'barge'] });
      expect(await forAgent.json()).toMatchObject({ callId: call.sipCallId, extension: '8003' });
      const granted = await grant('L0001', wanted);
      expect(granted.status).toBe(200);
      const { token } = (await granted.json()) as { token: string };
      // The agent's console checks it with the platform's public key alone: once, for this call.
      const check = async (candidate: string, callId = call.sipCallId!) => {
        const result = await agent.dispatch('monitor.checkInvite', { token: candidate, callId }, context);
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      };
      expect(await check(token, 'another-call@pbx')).toEqual({ accepted: false, reason: 'foreign-call' });
      expect(await check(token)).toEqual({ accepted: true, lead: 'L0001', modes: ['listen'], agentNotice: 'discreet' });
      expect(await check(token)).toEqual({ accepted: false, reason: 'replayed' });
      const [body] = token.split('.');
      expect(await check(`${body}.${Buffer.from('forged').toString('base64url')}`)).toEqual({
        accepted: false,
        reason: 'signature',
      });
      // Every check is in the console's audit log, and reaches the platform with it.
      await waitFor(
        async () =>
          platform.store
            .recordIds('audit')
            .map((id) => platform.store.recordData('audit', id)?.action)
            .filter((action) => String(action).startsWith('monitor_')),
        (actions) => actions.length === 4,
      );
      // The call ends: no permission for it any more.
      expect(
        (
          await agent.dispatch(
            'phone.recordCall',
            { ...call, endAt: new Date().toISOString(), endCause: 'caller_hangup' },
            context,
          )
        ).ok,
      ).toBe(true);
      await waitFor(
        () => agent.db.repos.outbox.stats(),
        (stats) => stats.pending === 0,
      );
      expect((await grant('M0001', wanted)).status).toBe(409);
    } finally {
      await agent.close();
      await platform.close();
    }
  });
});
