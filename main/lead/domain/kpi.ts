/**
 * The figures a 12345 hall is judged by (issue #15 part 6), each written once, pure, with the
 * definition a lead sees on hover. Times are ISO strings; a window is [from, to).
 *
 * Which window a call belongs to: the one it was offered in (entered the queue). A call offered
 * before the window and answered inside it counts in the earlier window — so a figure never changes
 * because a later window was asked for, and each call is counted exactly once across windows.
 * An order belongs to the window it was resolved (办结) in.
 */
import {
  EMPTY_TALLY,
  type QueueTally,
  type TallySettings,
  addTally,
  answerRateOf,
  answeredWithinRateOf,
  averageWaitSecondsOf,
  callTally,
} from './queue-tally';

export type KpiSettings = TallySettings;

export const DEFAULT_KPI_SETTINGS: KpiSettings = { answerWithinSeconds: 30, shortAbandonSeconds: 5 };

export interface QueuedCall {
  readonly offeredAt: string;
  readonly answeredAt: string | null;
  /** When the caller hung up while waiting (never answered). */
  readonly abandonedAt: string | null;
  readonly endedAt: string | null;
}

export interface AnsweredCitizenCall {
  readonly answeredAt: string;
  readonly endedAt: string | null;
  /** End of 话后整理 (wrap-up); null when there was none. */
  readonly wrapUpEndedAt: string | null;
}

export interface ResolvedOrder {
  readonly resolvedAt: string;
  readonly deadlineAt: string | null;
}

export interface Window {
  readonly from: string;
  readonly to: string;
}

const at = (time: string): number => Date.parse(time);
const inWindow = (time: string, window: Window): boolean => at(time) >= at(window.from) && at(time) < at(window.to);
const seconds = (from: string, to: string): number => (at(to) - at(from)) / 1000;
const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);
const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/** The tally of the calls offered in the window. */
export const tallyOf = (calls: readonly QueuedCall[], window: Window, settings = DEFAULT_KPI_SETTINGS): QueueTally =>
  calls
    .filter((call) => inWindow(call.offeredAt, window))
    .reduce(
      (tally, call) =>
        addTally(
          tally,
          callTally(
            {
              offeredAt: at(call.offeredAt),
              answeredAt: call.answeredAt === null ? null : at(call.answeredAt),
              abandonedAt: call.abandonedAt === null ? null : at(call.abandonedAt),
            },
            settings,
          ),
        ),
      EMPTY_TALLY,
    );

/** 接通率: answered ÷ offered (short abandons excluded). null for an empty window: no rate, not 0 %. */
export const answerRate = (calls: readonly QueuedCall[], window: Window, settings = DEFAULT_KPI_SETTINGS): number | null =>
  answerRateOf(tallyOf(calls, window, settings));

/** 30 秒人工接通率: answered by an agent within the threshold ÷ offered (short abandons excluded). */
export const answeredWithinRate = (
  calls: readonly QueuedCall[],
  window: Window,
  settings = DEFAULT_KPI_SETTINGS,
): number | null => answeredWithinRateOf(tallyOf(calls, window, settings));

/** 平均等待时长 (seconds): queue entry to answer, over the answered calls offered in the window. */
export const averageWaitSeconds = (calls: readonly QueuedCall[], window: Window): number | null =>
  averageWaitSecondsOf(tallyOf(calls, window));

/** 平均处理时长 (seconds): talk plus wrap-up, over the calls answered in the window that have ended. */
export const averageHandlingSeconds = (calls: readonly AnsweredCitizenCall[], window: Window): number | null =>
  mean(
    calls
      .filter((call) => inWindow(call.answeredAt, window) && call.endedAt !== null)
      .map((call) => seconds(call.answeredAt, call.wrapUpEndedAt ?? call.endedAt!)),
  );

/** 平均通话时长 (seconds): answer to hang-up, over the calls answered in the window that have ended. */
export const averageTalkSeconds = (calls: readonly AnsweredCitizenCall[], window: Window): number | null =>
  mean(
    calls
      .filter((call) => inWindow(call.answeredAt, window) && call.endedAt !== null)
      .map((call) => seconds(call.answeredAt, call.endedAt!)),
  );

export interface AgentStateStep {
  readonly state: string;
  readonly at: string;
}

/**
 * 平均话后整理时长 (seconds): each 话后整理 from its start to the agent's next state, over those that
 * started in the window and have ended (one still running has no length yet).
 */
export const averageWrapUpSeconds = (steps: readonly AgentStateStep[], window: Window): number | null => {
  const ordered = [...steps].sort((a, b) => at(a.at) - at(b.at));
  const lengths: number[] = [];
  ordered.forEach((step, index) => {
    const next = ordered[index + 1];
    if (step.state === 'wrap-up' && next && inWindow(step.at, window)) lengths.push(seconds(step.at, next.at));
  });
  return mean(lengths);
};

/** 在线解答率: orders closed directly during the call ÷ citizen calls answered, both in the window. */
export const onlineResolutionRate = (directlyClosedOrders: number, citizenCallsAnswered: number): number | null =>
  ratio(directlyClosedOrders, citizenCallsAnswered);

/** 按时办结率: orders resolved by their deadline ÷ orders resolved in the window (no deadline: on time). */
export const onTimeResolutionRate = (orders: readonly ResolvedOrder[], window: Window): number | null => {
  const resolved = orders.filter((order) => inWindow(order.resolvedAt, window));
  return onTimeRateOf(resolved.filter(resolvedOnTime).length, resolved.length);
};

/** One order's part in 按时办结率: resolved by its deadline (an order without one is on time). */
export const resolvedOnTime = (order: ResolvedOrder): boolean =>
  order.deadlineAt === null || at(order.resolvedAt) <= at(order.deadlineAt);

/** 按时办结率 from counts kept incrementally (the platform's hall). */
export const onTimeRateOf = (onTime: number, resolved: number): number | null => ratio(onTime, resolved);

/** What a lead reads on hover: the formula in words, with the centre's thresholds. */
export const kpiDefinitions = (settings = DEFAULT_KPI_SETTINGS): Record<string, string> => ({
  answerRate: `接通率 = 人工接听的来电 ÷ 进入队列的来电（等待不足 ${settings.shortAbandonSeconds} 秒即挂断的不计）`,
  answeredWithinRate: `${settings.answerWithinSeconds} 秒人工接通率 = ${settings.answerWithinSeconds} 秒内人工接听的来电 ÷ 进入队列的来电（短时放弃不计）`,
  averageWaitSeconds: '平均等待时长 = 已接听来电从进入队列到接听的平均秒数',
  averageHandlingSeconds: '平均处理时长 = 通话时长 + 话后整理时长的平均值',
  answeredCalls: '接听量 = 本人接听的市民来电数',
  averageTalkSeconds: '平均通话时长 = 本人已结束的市民来电从接听到挂机的平均时长',
  averageWrapUpSeconds: '平均话后整理 = 每次话后整理从开始到下一个状态的平均时长',
  onlineResolutionRate: '在线解答率 = 通话中直接办结的工单 ÷ 人工接听的市民来电',
  onTimeResolutionRate: '按时办结率 = 在办理时限内办结的工单 ÷ 期间办结的工单',
});
