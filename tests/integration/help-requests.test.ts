import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CallRecord, HelpRequest } from '../../preload/contract';
import { context, startSyncedConsole, startTestPlatform, waitFor } from '../harness/sync-fixtures';
import { useTempDirs } from '../harness/temp-dir';
import { citizenCallRecord } from '../harness/call-record';
import { platformSignIn } from '../harness/platform-http';

const tempDir = useTempDirs();

const signIn = async (url: string, agentId: string) => (await platformSignIn(url, agentId)).token;
const answer = (url: string, token: string, id: string, action: string) =>
  fetch(`${url}/v1/lead/help/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action }),
  });
const liveFrames = async (url: string, token: string) => {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/live`, { headers: { authorization: `Bearer ${token}` } });
  const frames: { type: string; delta?: { help?: HelpRequest[] }; request?: HelpRequest }[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString()) as (typeof frames)[number]));
  await new Promise((resolve) => socket.once('open', resolve));
  return { frames, close: () => socket.close() };
};

/** On the phone for a minute and a half already. */
const onCall = (id: string, remoteNumber: string): CallRecord =>
  citizenCallRecord(remoteNumber, {
    id,
    ringAt: new Date(Date.now() - 95_000).toISOString(),
    answerAt: new Date(Date.now() - 90_000).toISOString(),
  });

describe('help requests (求助) between a console and the platform', () => {
  it('carries the call and the masked caller to the team’s lead, and brings the lead’s answer back to the console', async () => {
    const platform = await startTestPlatform(tempDir());
    const agent = await startSyncedConsole(tempDir(), platform.url, 'A0003');
    const lead = await signIn(platform.url, 'L0001');
    const otherLead = await signIn(platform.url, 'L0002');
    const colleague = await signIn(platform.url, 'A0004');
    const leadLive = await liveFrames(platform.url, lead);
    const otherLive = await liveFrames(platform.url, otherLead);
    try {
      const callId = randomUUID();
      expect((await agent.dispatch('phone.recordCall', onCall(callId, '13912345678'), context)).ok).toBe(true);
      const raised = await agent.dispatch('help.raise', { note: '  市民情绪激动 ', callId, callInProgress: true }, context);
      if (!raised.ok) throw new Error(raised.error.message);
      const request = raised.value as HelpRequest;
      expect(request).toMatchObject({
        agentId: 'A0003',
        note: '市民情绪激动',
        status: 'raised',
        callerMasked: '139****5678',
      });
      // The call's answer time, not its ring: the lead reads how long the agent has been talking.
      expect(Date.now() - (request.callSince ?? 0)).toBeGreaterThanOrEqual(90_000);

      await expect.poll(() => leadLive.frames.flatMap((frame) => frame.delta?.help ?? []).length, { timeout: 10_000 }).toBe(1);
      const shown = leadLive.frames.flatMap((frame) => frame.delta?.help ?? [])[0]!;
      expect(shown).toMatchObject({ team: '一组', callInProgress: true, callerMasked: '139****5678', callId });
      // The whole number never leaves the console in a help request.
      expect(JSON.stringify(platform.store.recordData('help_request', request.id))).not.toContain('13912345678');
      // 二组's lead is not told of 一组's hands.
      expect(otherLive.frames.flatMap((frame) => frame.delta?.help ?? [])).toEqual([]);

      // Only a lead of the agent's team answers: an agent is refused, another team's lead finds nothing.
      expect((await answer(platform.url, colleague, request.id, 'acknowledge')).status).toBe(403);
      expect((await answer(platform.url, otherLead, request.id, 'acknowledge')).status).toBe(404);
      expect((await answer(platform.url, lead, request.id, 'shrug')).status).toBe(400);

      expect((await answer(platform.url, lead, request.id, 'acknowledge')).status).toBe(200);
      const acknowledged = await waitFor(
        async () => {
          const latest = await agent.dispatch('help.latest', undefined, context);
          return latest.ok ? (latest.value as HelpRequest | null) : null;
        },
        (latest) => latest?.status === 'acknowledged',
      );
      expect(acknowledged).toMatchObject({ answeredBy: 'L0001', id: request.id });
      expect((await answer(platform.url, lead, request.id, 'acknowledge')).status).toBe(409);
      expect((await answer(platform.url, lead, request.id, 'resolve')).status).toBe(200);
      await waitFor(
        async () => {
          const latest = await agent.dispatch('help.latest', undefined, context);
          return latest.ok ? (latest.value as HelpRequest | null)?.status : null;
        },
        (status) => status === 'resolved',
      );
      expect((await answer(platform.url, lead, request.id, 'resolve')).status).toBe(409);
      // Resolved: off the lead's list (snapshot too), kept in the platform's records.
      const snapshot = (await (
        await fetch(`${platform.url}/v1/lead/wallboard`, { headers: { authorization: `Bearer ${lead}` } })
      ).json()) as { help: HelpRequest[] };
      expect(snapshot.help).toEqual([]);
      expect(platform.store.helpRequest(request.id)?.status).toBe('resolved');
    } finally {
      leadLive.close();
      otherLive.close();
      await agent.close();
      await platform.close();
    }
  });

  it('refuses a hand raised in another agent’s name, and a note that is too long, keeping nothing half-done', async () => {
    const platform = await startTestPlatform(tempDir());
    const agent = await startSyncedConsole(tempDir(), platform.url, 'A0003');
    try {
      const tooLong = await agent.dispatch('help.raise', { note: '长'.repeat(61), callId: null, callInProgress: false }, context);
      expect(tooLong.ok ? 'ok' : tooLong.error.message).toContain('说明最多 60 个字');
      const latest = await agent.dispatch('help.latest', undefined, context);
      expect(latest.ok && latest.value).toBeNull();
      expect(await agent.db.repos.outbox.stats()).toMatchObject({ pending: 0 });

      const token = await signIn(platform.url, 'A0004');
      const id = randomUUID();
      const response = await fetch(`${platform.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          items: [
            {
              itemId: randomUUID(),
              stream: 'help_request',
              recordId: id,
              op: 'create',
              payload: {
                id,
                agentId: 'A0003',
                note: null,
                raisedAt: new Date().toISOString(),
                callId: null,
                callSince: null,
                callInProgress: false,
                callerMasked: null,
              },
              createdAt: new Date().toISOString(),
            },
          ],
        }),
      });
      const { results } = (await response.json()) as { results: { status: string; error?: string }[] };
      expect(results[0]).toMatchObject({ status: 'rejected', error: 'raised by another agent than the one signed in' });
      expect(platform.store.helpRequest(id)).toBeNull();
    } finally {
      await agent.close();
      await platform.close();
    }
  });
});
