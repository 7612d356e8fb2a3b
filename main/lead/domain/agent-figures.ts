import type { AgentFigures } from '../../../preload/contract/lead-contract';
import {
  type AgentStateStep,
  type AnsweredCitizenCall,
  type ResolvedOrder,
  type Window,
  averageTalkSeconds,
  averageWrapUpSeconds,
  kpiDefinitions,
  onTimeResolutionRate,
  onlineResolutionRate,
} from './kpi';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** 今日: from 00:00 China time (the hotline's day), whatever the PC's own time zone. */
export const chinaDayStart = (now: number): string =>
  new Date(Math.floor((now + CHINA_OFFSET_MS) / 86_400_000) * 86_400_000 - CHINA_OFFSET_MS).toISOString();

/** An agent's own figures for the day, from the rows of their console; every formula is kpi.ts's. */
export const agentFigures = (
  rows: {
    calls: readonly AnsweredCitizenCall[];
    states: readonly AgentStateStep[];
    directOrders: number;
    resolvedOrders: readonly ResolvedOrder[];
  },
  window: Window,
): AgentFigures => {
  const answered = rows.calls.filter((call) => call.answeredAt >= window.from && call.answeredAt < window.to).length;
  return {
    from: window.from,
    answered,
    averageTalkSeconds: averageTalkSeconds(rows.calls, window),
    averageWrapUpSeconds: averageWrapUpSeconds(rows.states, window),
    onlineResolutionRate: onlineResolutionRate(rows.directOrders, answered),
    onTimeResolutionRate: onTimeResolutionRate(rows.resolvedOrders, window),
    definitions: kpiDefinitions(),
  };
};
