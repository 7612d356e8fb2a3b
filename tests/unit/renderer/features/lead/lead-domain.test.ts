import { describe, expect, it } from 'vitest';
import type { HallAgent, WallboardDelta } from '../../../../../preload/contract';
import { agentAlerts } from '../../../../../renderer/features/lead/domain/agent-alerts';
import { gridRows, visibleRange } from '../../../../../renderer/features/lead/domain/agent-grid';
import { type LiveWallboard, applyWallboardDelta } from '../../../../../renderer/features/lead/domain/wallboard-state';

const NOW = Date.parse('2026-12-07T02:00:00.000Z');
const agent = (agentId: string, change: Partial<HallAgent> = {}): HallAgent => ({
  agentId,
  extension: null,
  team: '一组',
  state: 'ready',
  reason: null,
  since: NOW - 60_000,
  phoneRegistered: true,
  callSince: null,
  callerMasked: null,
  callMos: null,
  handled: 0,
  handlingSeconds: 0,
  answeredCitizenCalls: 0,
  directlyClosed: 0,
  ...change,
});
const queue = {
  waiting: 0,
  oldestWaitingSince: null,
  offered: 0,
  answered: 0,
  abandoned: 0,
  shortAbandoned: 0,
  answerRate: null,
  answeredWithinRate: null,
  averageWaitSeconds: null,
  averageHandlingSeconds: null,
  onlineResolutionRate: null,
  onTimeResolutionRate: null,
  agentsByState: { ready: 1, 'on-call': 0, 'wrap-up': 0, 'not-ready': 0, 'signed-out': 0 },
};
const board: LiveWallboard = {
  at: NOW,
  seq: 4,
  feedUp: true,
  settings: { answerWithinSeconds: 30, shortAbandonSeconds: 5, windowHours: 12, serviceLevelTarget: 0.95 },
  queue,
  buckets: [],
  agents: [agent('A0001'), agent('A0002')],
  help: [],
};

describe('the lead’s wallboard in the console', () => {
  it('applies the next delta, ignores an old one, and says so when one was missed', () => {
    const next: WallboardDelta = {
      at: NOW + 1,
      seq: 5,
      queue: { ...queue, waiting: 2 },
      agents: [agent('A0002', { state: 'on-call' })],
    };
    const applied = applyWallboardDelta(board, next);
    expect(applied).not.toBe('gap');
    const view = applied as LiveWallboard;
    expect(view.queue.waiting).toBe(2);
    expect(view.agents.map((row) => `${row.agentId}:${row.state}`)).toEqual(['A0001:ready', 'A0002:on-call']);
    expect(applyWallboardDelta(board, { ...next, seq: 4 })).toBe('stale');
    expect(applyWallboardDelta(board, { ...next, seq: 7 })).toBe('gap');
  });

  it('alerts on a 21-minute call, 31 minutes of 示忙 and an unregistered phone — not at 20 and 30', () => {
    expect(agentAlerts(agent('A', { state: 'on-call', callSince: NOW - 21 * 60_000 }), NOW)).toEqual(['long-call']);
    expect(agentAlerts(agent('A', { state: 'on-call', callSince: NOW - 20 * 60_000 }), NOW)).toEqual([]);
    expect(agentAlerts(agent('A', { state: 'not-ready', since: NOW - 31 * 60_000 }), NOW)).toEqual(['long-not-ready']);
    expect(agentAlerts(agent('A', { state: 'not-ready', since: NOW - 30 * 60_000 }), NOW)).toEqual([]);
    expect(agentAlerts(agent('A', { phoneRegistered: false }), NOW)).toEqual(['unregistered']);
    expect(agentAlerts(agent('A', { state: 'signed-out', phoneRegistered: false }), NOW)).toEqual([]);
    // The console's 差 grade (MOS under 3.4) while on the call; a recovered 4.1 is no alert.
    expect(agentAlerts(agent('A', { state: 'on-call', callSince: NOW - 60_000, callMos: 2.9 }), NOW)).toEqual(['poor-quality']);
    expect(agentAlerts(agent('A', { state: 'on-call', callSince: NOW - 60_000, callMos: 4.1 }), NOW)).toEqual([]);
  });

  it('sorts alerts first and filters by id or reason; a scrolled grid of 300 renders only what is in view', () => {
    const rows = gridRows(
      [agent('A0003'), agent('A0001', { phoneRegistered: false }), agent('A0002', { state: 'not-ready', reason: '用餐' })],
      { sort: 'alerts', filter: '', now: NOW },
    );
    expect(rows.map((row) => row.agentId)).toEqual(['A0001', 'A0002', 'A0003']);
    expect(gridRows(rows, { sort: 'agentId', filter: '用餐', now: NOW }).map((row) => row.agentId)).toEqual(['A0002']);
    expect(visibleRange({ scrollTop: 3200, height: 256, rowHeight: 32, count: 300 })).toEqual({ first: 96, last: 112 });
  });
});
