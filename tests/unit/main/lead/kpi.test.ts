import { describe, expect, it } from 'vitest';
import {
  answerRate,
  answeredWithinRate,
  averageHandlingSeconds,
  averageWaitSeconds,
  kpiDefinitions,
  onTimeResolutionRate,
  onlineResolutionRate,
  type QueuedCall,
} from '../../../../main/lead/domain/kpi';

// A half-hour window, 09:00–09:30 China time.
const window = { from: '2026-12-07T01:00:00.000Z', to: '2026-12-07T01:30:00.000Z' };
const t = (minute: number, second = 0) => new Date(Date.parse(window.from) + (minute * 60 + second) * 1000).toISOString();
const call = (offered: string, answered: string | null, abandoned: string | null = null): QueuedCall => ({
  offeredAt: offered,
  answeredAt: answered,
  abandonedAt: abandoned,
  endedAt: answered ?? abandoned,
});

// Hand-counted: seven calls offered in the window, one before it, one at its end.
const calls: QueuedCall[] = [
  call(t(1), t(1, 10)), // 10 s wait
  call(t(2), t(2, 30)), // 30 s: still within 30 s
  call(t(3), t(3, 31)), // 31 s: not within
  call(t(4), t(5, 40)), // 100 s
  call(t(5), null, t(5, 3)), // short abandon (3 s < 5 s): not counted at all
  call(t(6), null, t(7)), // abandoned after 60 s: counted, not answered
  call(t(29, 50), t(30, 20)), // offered inside, answered after the window: counts here, 30 s
  call(t(-1), t(0, 20)), // offered before the window (answered inside): the earlier window's
  call(t(30), t(30, 5)), // offered at the window's end: the next window's
];

describe('the hall’s KPIs (hand-computed, one half hour)', () => {
  it('接通率: 5 answered of 6 counted (the short abandon left out, the edge calls in their own windows)', () => {
    expect(answerRate(calls, window)).toBeCloseTo(5 / 6, 10);
  });

  it('30 秒人工接通率: 10 s, 30 s and 30 s are within; 31 s and 100 s are not — 3 of 6; 15 s where a centre says so — 1 of 6', () => {
    expect(answeredWithinRate(calls, window)).toBeCloseTo(3 / 6, 10);
    expect(answeredWithinRate(calls, window, { answerWithinSeconds: 15, shortAbandonSeconds: 5 })).toBeCloseTo(1 / 6, 10);
    // A longer short-abandon threshold takes the 60-s abandon out too: 3 of 5.
    expect(answeredWithinRate(calls, window, { answerWithinSeconds: 30, shortAbandonSeconds: 90 })).toBeCloseTo(3 / 5, 10);
  });

  it('平均等待时长: (10 + 30 + 31 + 100 + 30) / 5 = 40.2 s over the answered calls offered in the window', () => {
    expect(averageWaitSeconds(calls, window)).toBeCloseTo(40.2, 10);
  });

  it('平均处理时长: talk plus wrap-up; a call still going is not averaged; one answered before the window is not this window’s', () => {
    const answered = [
      { answeredAt: t(1), endedAt: t(4), wrapUpEndedAt: t(5) }, // 240 s
      { answeredAt: t(10), endedAt: t(12), wrapUpEndedAt: null }, // 120 s
      { answeredAt: t(20), endedAt: null, wrapUpEndedAt: null }, // still talking
      { answeredAt: t(-5), endedAt: t(2), wrapUpEndedAt: null }, // the earlier window's
    ];
    expect(averageHandlingSeconds(answered, window)).toBe(180);
  });

  it('在线解答率 and 按时办结率, with the deadline’s own second still on time', () => {
    expect(onlineResolutionRate(68, 100)).toBe(0.68);
    const orders = [
      { resolvedAt: t(5), deadlineAt: t(5) }, // on the deadline: on time
      { resolvedAt: t(6), deadlineAt: t(5) }, // a minute late
      { resolvedAt: t(7), deadlineAt: null }, // no deadline (直接办结): on time
      { resolvedAt: t(40), deadlineAt: t(10) }, // resolved after the window: not counted here
    ];
    expect(onTimeResolutionRate(orders, window)).toBeCloseTo(2 / 3, 10);
  });

  it('an empty window has no rate and no average (shown as —, not 0 %)', () => {
    const empty = { from: '2026-12-07T04:00:00.000Z', to: '2026-12-07T04:30:00.000Z' };
    expect(answerRate(calls, empty)).toBeNull();
    expect(answeredWithinRate(calls, empty)).toBeNull();
    expect(averageWaitSeconds(calls, empty)).toBeNull();
    expect(averageHandlingSeconds([], empty)).toBeNull();
    expect(onlineResolutionRate(0, 0)).toBeNull();
    expect(onTimeResolutionRate([], empty)).toBeNull();
    // Only short abandons: nothing to take a rate over either.
    expect(answerRate([call(t(1), null, t(1, 2))], window)).toBeNull();
  });

  it('says each definition with the centre’s own thresholds', () => {
    const definitions = kpiDefinitions({ answerWithinSeconds: 15, shortAbandonSeconds: 10 });
    expect(definitions.answeredWithinRate).toContain('15 秒内人工接听');
    expect(definitions.answerRate).toContain('等待不足 10 秒即挂断的不计');
  });
});
