import { describe, expect, it } from 'vitest';
import { agentFigures, chinaDayStart } from '../../../../main/lead/domain/agent-figures';
import { averageTalkSeconds, averageWrapUpSeconds } from '../../../../main/lead/domain/kpi';

// 今日 as 12345 counts it: 2026-12-07 00:00 China time is 2026-12-06 16:00 UTC.
const window = { from: '2026-12-06T16:00:00.000Z', to: '2026-12-07T04:00:00.000Z' };
const t = (minutes: number, seconds = 0) => new Date(Date.parse(window.from) + (minutes * 60 + seconds) * 1000).toISOString();

describe('an agent’s own figures', () => {
  it('start the day at 00:00 China time, whatever the PC’s zone', () => {
    expect(chinaDayStart(Date.parse('2026-12-07T03:15:00Z'))).toBe('2026-12-06T16:00:00.000Z');
    // 23:30 China time on the 6th is still the 6th.
    expect(chinaDayStart(Date.parse('2026-12-06T15:30:00Z'))).toBe('2026-12-05T16:00:00.000Z');
  });

  it('count talk and wrap-up by hand-computed lengths; a call or wrap-up still running has no length yet', () => {
    const calls = [
      { answeredAt: t(10), endedAt: t(13), wrapUpEndedAt: null }, // 180 s
      { answeredAt: t(20), endedAt: t(21), wrapUpEndedAt: null }, // 60 s
      { answeredAt: t(30), endedAt: null, wrapUpEndedAt: null }, // on the phone now
      { answeredAt: t(-5), endedAt: t(2), wrapUpEndedAt: null }, // answered yesterday: not today's
    ];
    expect(averageTalkSeconds(calls, window)).toBe(120);
    const states = [
      { state: 'ready', at: t(0) },
      { state: 'on-call', at: t(10) },
      { state: 'wrap-up', at: t(13) },
      { state: 'ready', at: t(13, 30) }, // 30 s
      { state: 'on-call', at: t(20) },
      { state: 'wrap-up', at: t(21) },
      { state: 'not-ready', at: t(22, 30) }, // 90 s
      { state: 'on-call', at: t(30) },
      { state: 'wrap-up', at: t(40) }, // still wrapping up: not counted
    ];
    expect(averageWrapUpSeconds(states, window)).toBe(60);
    const figures = agentFigures(
      {
        calls,
        states,
        directOrders: 1,
        resolvedOrders: [
          { resolvedAt: t(50), deadlineAt: t(60) },
          { resolvedAt: t(55), deadlineAt: t(54) }, // a minute late
          { resolvedAt: t(56), deadlineAt: null },
          { resolvedAt: t(-30), deadlineAt: t(-60) }, // resolved yesterday: not today's
        ],
      },
      window,
    );
    expect(figures).toMatchObject({
      answered: 3,
      averageTalkSeconds: 120,
      averageWrapUpSeconds: 60,
      onlineResolutionRate: 1 / 3,
      onTimeResolutionRate: 2 / 3,
    });
  });

  it('say "no figure" for an empty day, not 0 %', () => {
    expect(agentFigures({ calls: [], states: [], directOrders: 0, resolvedOrders: [] }, window)).toMatchObject({
      answered: 0,
      averageTalkSeconds: null,
      averageWrapUpSeconds: null,
      onlineResolutionRate: null,
      onTimeResolutionRate: null,
    });
  });
});
