import type { HallAgent } from '../../../../preload/contract';
import { agentAlerts } from './agent-alerts';

export const GRID_SORT_KEYS = ['alerts', 'agentId', 'state', 'timeInState', 'handled', 'handling', 'online'] as const;
export type GridSortKey = (typeof GRID_SORT_KEYS)[number];

const STATE_ORDER: Record<HallAgent['state'], number> = { 'on-call': 0, 'wrap-up': 1, ready: 2, 'not-ready': 3, 'signed-out': 4 };

export const averageHandlingSeconds = (agent: HallAgent): number | null =>
  agent.handled === 0 ? null : agent.handlingSeconds / agent.handled;
/** 在线解答率: orders closed directly ÷ citizen calls answered (null before the first call). */
export const onlineResolution = (agent: HallAgent): number | null =>
  agent.answeredCitizenCalls === 0 ? null : agent.directlyClosed / agent.answeredCitizenCalls;

const sortValue = (agent: HallAgent, key: GridSortKey, now: number): number | string => {
  switch (key) {
    case 'alerts':
      return -agentAlerts(agent, now).length;
    case 'agentId':
      return agent.agentId;
    case 'state':
      return STATE_ORDER[agent.state];
    case 'timeInState':
      return -(now - agent.since);
    case 'handled':
      return -agent.handled;
    case 'handling':
      return -(averageHandlingSeconds(agent) ?? -1);
    case 'online':
      return -(onlineResolution(agent) ?? -1);
  }
};

/** The grid's rows: filtered by agent id, state or reason text, sorted by the key (ties by agent id). */
export const gridRows = (
  agents: readonly HallAgent[],
  options: { sort: GridSortKey; filter: string; now: number },
): HallAgent[] => {
  const needle = options.filter.trim().toLowerCase();
  return agents
    .filter(
      (agent) =>
        needle === '' ||
        agent.agentId.toLowerCase().includes(needle) ||
        (agent.reason ?? '').toLowerCase().includes(needle) ||
        agent.state.includes(needle),
    )
    .sort((a, b) => {
      const left = sortValue(a, options.sort, options.now);
      const right = sortValue(b, options.sort, options.now);
      if (left < right) return -1;
      if (left > right) return 1;
      return a.agentId.localeCompare(b.agentId);
    });
};

/** Which rows a scrolled list of fixed-height rows shows (with a few rows above and below). */
export const visibleRange = (options: {
  scrollTop: number;
  height: number;
  rowHeight: number;
  count: number;
  overscan?: number;
}) => {
  const overscan = options.overscan ?? 4;
  const first = Math.max(0, Math.floor(options.scrollTop / options.rowHeight) - overscan);
  const last = Math.min(options.count, Math.ceil((options.scrollTop + options.height) / options.rowHeight) + overscan);
  return { first, last };
};
