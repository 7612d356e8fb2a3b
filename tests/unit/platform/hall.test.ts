import { describe, expect, it } from 'vitest';
import type { WallboardDelta } from '../../../preload/contract/lead-contract';
import { netstringReader, parseKamailioEvent } from '../../platform/acd/kamailio-events';
import type { QueueEvent } from '../../platform/acd/acd';
import { createHall } from '../../platform/hall/hall';
import { hallSettingsFromArgs } from '../../platform/hall/hall-settings-args';

const T0 = Date.parse('2026-12-07T01:00:00.000Z'); // 09:00 China time, a half hour's start
const s = (seconds: number) => T0 + seconds * 1000;
const event = (kind: QueueEvent['kind'], callId: string, at: number, agentExtension: string | null = null): QueueEvent => ({
  kind,
  at,
  callId,
  caller: '13812345678',
  agentExtension,
  status: kind === 'answered' ? 200 : null,
});

const hallAt = (clock: { now: number }) => {
  const deltas: WallboardDelta[] = [];
  const hall = createHall({ now: () => clock.now, onDelta: (delta) => deltas.push(delta) });
  return { hall, deltas };
};

describe('the hall’s wallboard, kept per event', () => {
  it('keeps 在线解答率 and 按时办结率 and the agents by state from counts, never a scan (hand-computed)', () => {
    const clock = { now: s(0) };
    const { hall, deltas } = hallAt(clock);
    expect(hall.snapshot().queue).toMatchObject({ onlineResolutionRate: null, onTimeResolutionRate: null });
    hall.agentState('A0001', { state: 'ready', reason: null, phoneRegistered: true, at: s(0), extension: '1001', team: '一组' });
    hall.agentState('A0002', {
      state: 'not-ready',
      reason: '小休',
      phoneRegistered: true,
      at: s(0),
      extension: '1002',
      team: '一组',
    });
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      hall.queueEvent(event('entered', id, s(1)));
      hall.queueEvent(event('answered', id, s(5), '1001'));
    }
    // One of four answered calls closed during the call.
    hall.orderClosedDirectly('A0001', s(60));
    // Three orders resolved: by the deadline, a second late, with no deadline.
    hall.orderResolved({ resolvedAt: new Date(s(100)).toISOString(), deadlineAt: new Date(s(200)).toISOString() });
    hall.orderResolved({ resolvedAt: new Date(s(101)).toISOString(), deadlineAt: new Date(s(100)).toISOString() });
    hall.orderResolved({ resolvedAt: new Date(s(102)).toISOString(), deadlineAt: null });
    hall.agentState('A0002', {
      state: 'ready',
      reason: null,
      phoneRegistered: true,
      at: s(103),
      extension: '1002',
      team: '一组',
    });
    expect(deltas.at(-1)?.queue).toMatchObject({
      onlineResolutionRate: 0.25,
      onTimeResolutionRate: 2 / 3,
      agentsByState: { ready: 2, 'not-ready': 0, 'on-call': 0, 'wrap-up': 0, 'signed-out': 0 },
    });
    // A call going bad, then over: the MOS is shown while the agent is on it, and gone after.
    hall.agentState('A0001', {
      state: 'on-call',
      reason: null,
      phoneRegistered: true,
      at: s(110),
      extension: '1001',
      team: '一组',
    });
    hall.callQuality('A0001', 2.8);
    expect(deltas.at(-1)?.agents?.[0]).toMatchObject({ agentId: 'A0001', callMos: 2.8 });
    hall.agentState('A0001', {
      state: 'wrap-up',
      reason: null,
      phoneRegistered: true,
      at: s(140),
      extension: '1001',
      team: '一组',
    });
    expect(deltas.at(-1)?.agents?.[0]).toMatchObject({ agentId: 'A0001', callMos: null });
    hall.callQuality('A0001', 2.5); // a late report after the call: not shown
    expect(deltas.at(-1)?.agents?.[0]).toMatchObject({ callMos: null });
    // 13 hours on, the window has moved past all of it.
    clock.now = s(13 * 3600);
    expect(hall.snapshot().queue).toMatchObject({ onlineResolutionRate: null, onTimeResolutionRate: null });
  });

  it('counts waiting, answered, abandoned and short abandons as the KPI formulas define them (hand-computed)', () => {
    const clock = { now: s(0) };
    const { hall, deltas } = hallAt(clock);
    hall.agentState('A0001', { state: 'ready', reason: null, phoneRegistered: true, at: s(0), extension: '1001', team: '一组' });
    for (const [id, at] of [
      ['c1', 1],
      ['c2', 2],
      ['c3', 3],
      ['c4', 4],
    ] as const)
      hall.queueEvent(event('entered', id, s(at)));
    expect(deltas.at(-1)?.queue).toMatchObject({ waiting: 4, oldestWaitingSince: s(1), offered: 4 });
    hall.queueEvent(event('answered', 'c1', s(11), '1001')); // waited 10 s
    hall.queueEvent(event('abandoned', 'c2', s(5))); // 3 s: a short abandon
    hall.queueEvent(event('answered', 'c3', s(43), '1001')); // 40 s: over 30 s
    hall.queueEvent(event('abandoned', 'c4', s(64))); // 60 s: abandoned, counted
    hall.queueEvent(event('abandoned', 'c3', s(44))); // the CANCEL that lost the race: ignored
    const queue = deltas.at(-1)!.queue!;
    expect(queue).toMatchObject({
      waiting: 0,
      oldestWaitingSince: null,
      offered: 4,
      answered: 2,
      abandoned: 2,
      shortAbandoned: 1,
    });
    expect(queue.answerRate).toBeCloseTo(2 / 3, 10);
    expect(queue.answeredWithinRate).toBeCloseTo(1 / 3, 10);
    expect(queue.averageWaitSeconds).toBeCloseTo(25, 10);
    // each delta carries only what changed: no agent rows for a queue event without an agent
    expect(deltas.at(-1)?.agents).toBeUndefined();
    expect(deltas.map((delta) => delta.seq)).toEqual(deltas.map((_, index) => index + 1));
  });

  it('takes handling time from the agent’s on-call until the end of wrap-up, in the half hour it began', () => {
    const clock = { now: s(0) };
    const { hall } = hallAt(clock);
    const state = (name: string, at: number) =>
      hall.agentState('A0001', { state: name, reason: null, phoneRegistered: true, at, extension: '1001', team: '一组' });
    state('ready', s(0));
    hall.queueEvent(event('entered', 'c1', s(1)));
    hall.queueEvent(event('answered', 'c1', s(2), '1001'));
    state('on-call', s(2));
    state('wrap-up', s(92));
    state('ready', s(122)); // 120 s of handling
    clock.now = s(200);
    const snapshot = hall.snapshot();
    expect(snapshot.queue.averageHandlingSeconds).toBe(120);
    expect(snapshot.agents[0]).toMatchObject({
      agentId: 'A0001',
      state: 'ready',
      handled: 1,
      handlingSeconds: 120,
      answeredCitizenCalls: 1,
    });
    expect(snapshot.queue.agentsByState.ready).toBe(1);
  });

  it('drops what left the window: a call 13 hours ago no longer counts, a caller still waiting does', () => {
    const clock = { now: s(0) };
    const { hall } = hallAt(clock);
    hall.queueEvent(event('entered', 'old', s(0)));
    hall.queueEvent(event('abandoned', 'old', s(60)));
    hall.queueEvent(event('entered', 'still-waiting', s(100)));
    clock.now = s(13 * 3600);
    hall.queueEvent(event('entered', 'new', clock.now));
    const { queue, buckets } = hall.snapshot();
    expect(queue).toMatchObject({ offered: 1, abandoned: 0, waiting: 2, oldestWaitingSince: s(100) });
    expect(buckets.map((bucket) => bucket.start)).toEqual([s(13 * 3600)]);
  });
});

describe('the lab ACD’s event feed', () => {
  it('reads a line, Call-ID last whatever it holds, and refuses garbage with a reason', () => {
    const parsed = parseKamailioEvent('answered|1796633120.7471|13812345678|1001|200|a|b"c@127.0.0.1');
    expect(parsed).toEqual({
      ok: true,
      event: {
        kind: 'answered',
        at: 1796633120747,
        caller: '13812345678',
        agentExtension: '1001',
        status: 200,
        callId: 'a|b"c@127.0.0.1',
      },
    });
    expect(parseKamailioEvent('entered|yesterday|x|-|-|id')).toEqual({ ok: false, error: 'bad time' });
    expect(parseKamailioEvent('hijack|1.0|x|-|-|id').ok).toBe(false);
    expect(parseKamailioEvent('entered|1.0|x|-').ok).toBe(false);
  });

  it('splits netstrings across chunks, and throws on a frame that cannot be resynchronised', () => {
    const read = netstringReader();
    expect(read(Buffer.from('5:hello,3:a'))).toEqual(['hello']);
    expect(read(Buffer.from('bc,'))).toEqual(['abc']);
    expect(() => netstringReader()(Buffer.from('5:hello;'))).toThrow(/comma/);
    expect(() => netstringReader()(Buffer.from('x:'))).toThrow(/number/);
  });
});

describe('the wallboard’s settings from the platform’s options', () => {
  const args = (values: Record<string, string>) => (name: string) => values[name];
  it('takes a centre’s 15 s threshold and keeps the rest, and refuses a setting that is not one', () => {
    expect(hallSettingsFromArgs(args({ 'answer-within': '15' }))).toEqual({
      answerWithinSeconds: 15,
      shortAbandonSeconds: 5,
      windowHours: 12,
      serviceLevelTarget: 0.95,
    });
    expect(hallSettingsFromArgs(args({ 'answer-within': 'soon' }))).toMatchObject({
      error: expect.stringContaining('answerWithinSeconds'),
    });
    expect(hallSettingsFromArgs(args({ 'service-level-target': '95' }))).toMatchObject({
      error: expect.stringContaining('serviceLevelTarget'),
    });
  });
});
