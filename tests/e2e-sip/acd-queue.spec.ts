import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './lab-fixtures';
import { kamailioAcd } from '../platform/acd/kamailio-acd';
import { LAB_ACD_EVENTS_PORT, LAB_HOST, LAB_RPC_URL } from '../pbx-lab/lab';
import { runQueueCallers, sippQueueTally } from '../pbx-lab/sipp-queue';
import type { QueueEvent } from '../platform/acd/acd';
import { startPlatformProcess } from '../harness/platform-process';
import { platformSignIn, pushAgentState } from '../harness/platform-http';

/**
 * The lab's ACD end to end: SIPp citizens call 12345 in a burst; two agent phones (baresip) are made
 * ready through the platform exactly as a console's pushed agent state makes them; a third agent is
 * "ready" on the platform but its phone is not registered (the ACD must skip it, not hang). The
 * platform's wallboard must then equal the figures computed from SIPp's own log of each call.
 */
test('a burst to 12345 queues, goes to the longest-idle ready agent, and the wallboard equals SIPp’s own log', async ({
  baresip,
  lab,
}) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-acd-'));
  const acd = kamailioAcd({ rpcUrl: LAB_RPC_URL, events: { host: LAB_HOST, port: LAB_ACD_EVENTS_PORT } });
  const events: QueueEvent[] = [];
  acd.onQueueEvent((event) => events.push(event));
  // The platform as `npm run platform -- --acd kamailio` runs it: its own feed of the same events.
  const platform = await startPlatformProcess(join(dir, 'platform.sqlite'), 5741, ['--acd', 'kamailio']);
  try {
    await expect.poll(() => acd.connected()).toBe(true);
    const session = async (agentId: string) => (await platformSignIn(platform.url, agentId)).token;
    const agents = {
      A0001: { extension: '2001', token: await session('A0001') },
      A0002: { extension: '2002', token: await session('A0002') },
      A0003: { extension: '1003', token: await session('A0003') },
    };
    const state = async (agentId: keyof typeof agents, name: string) => {
      const response = await pushAgentState(platform.url, agents[agentId].token, {
        agentId,
        state: name,
        extension: agents[agentId].extension,
      });
      expect(response.status).toBe(200);
    };
    await baresip('2001', { autoAnswer: true });
    await baresip('2002', { autoAnswer: true });
    // 1003 is ready first (idle longest), but no phone is registered for it: skipped, never offered again at once.
    await state('A0003', 'ready');
    await state('A0001', 'ready');
    await state('A0002', 'ready');

    const burst = runQueueCallers(
      { name: 'burst', calls: 6, ratePerSecond: 5, patienceMs: 4000, talkMs: 1000, numberPrefix: '1391234', localPort: 5200 },
      lab.runDir,
    );
    // After each call the agents' consoles would go on-call, wrap-up, ready: the ACD offers them calls again.
    for (const pause of [2500, 3000]) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      for (const agentId of ['A0001', 'A0002'] as const) {
        await state(agentId, 'on-call');
        await state(agentId, 'wrap-up');
        await state(agentId, 'ready');
      }
    }
    const result = await burst;
    expect(result.calls, result.output).toHaveLength(6);

    // The figures from SIPp's side, through the same KPI formulas the wallboard uses.
    const fromSipp = sippQueueTally(result.calls);
    expect(fromSipp.answered + fromSipp.abandoned).toBe(6);
    expect(fromSipp.answered).toBeGreaterThanOrEqual(4);

    const lead = await session('L0001');
    const board = (await (
      await fetch(`${platform.url}/v1/lead/wallboard`, { headers: { authorization: `Bearer ${lead}` } })
    ).json()) as {
      queue: { waiting: number; offered: number; answered: number; abandoned: number; averageWaitSeconds: number | null };
    };
    expect(board.queue).toMatchObject({
      waiting: 0,
      offered: fromSipp.offered,
      answered: fromSipp.answered,
      abandoned: fromSipp.abandoned,
    });
    // Waits as the PBX timed them and as SIPp timed them agree to within 50 ms per call.
    expect(Math.abs((board.queue.averageWaitSeconds ?? 0) - fromSipp.answeredWaitMs / fromSipp.answered / 1000)).toBeLessThan(
      0.05,
    );

    // Longest idle first: 1003 was tried first and skipped as unreachable; the first two calls went to 2001, then 2002.
    const offers = events.filter((event) => event.kind === 'offered' || event.kind === 'unreachable');
    expect(offers[0], JSON.stringify(events.map((e) => [e.kind, e.agentExtension]))).toMatchObject({
      kind: 'unreachable',
      agentExtension: '1003',
    });
    expect(
      offers
        .filter((event) => event.kind === 'offered')
        .slice(0, 2)
        .map((event) => event.agentExtension),
    ).toEqual(['2001', '2002']);
    expect(events.filter((event) => event.kind === 'offered' && event.agentExtension === '1003')).toEqual([]);
  } finally {
    await platform.kill();
    await acd.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
