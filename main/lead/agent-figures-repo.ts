import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import type { AgentStateStep, AnsweredCitizenCall, ResolvedOrder } from './domain/kpi';

/**
 * The rows behind an agent's own figures, from this console's profile: the citizen calls it
 * answered, its state changes and the orders it registered. Each read walks an index from `from`.
 */
export const agentFiguresRepo = {
  rows: (
    db: Database,
    agentId: string,
    from: string,
  ): {
    calls: AnsweredCitizenCall[];
    states: AgentStateStep[];
    directOrders: number;
    resolvedOrders: ResolvedOrder[];
  } => ({
    calls: statement(
      db,
      `SELECT answer_at AS answeredAt, end_at AS endedAt, NULL AS wrapUpEndedAt FROM calls INDEXED BY calls_by_ring
       WHERE ring_at >= ? AND agent_id = ? AND purpose = 'citizen' AND direction = 'inbound' AND answer_at IS NOT NULL`,
    ).all(from, agentId) as AnsweredCitizenCall[],
    states: statement(
      db,
      `SELECT state, at FROM agent_states INDEXED BY agent_states_by_time WHERE at >= ? AND agent_id = ? ORDER BY at`,
    ).all(from, agentId) as AgentStateStep[],
    directOrders: statement(
      db,
      `SELECT count(*) FROM work_orders INDEXED BY work_orders_by_author
       WHERE created_by = ? AND created_at >= ? AND handling_mode = 'direct' AND channel = '电话'`,
    )
      .pluck()
      .get(agentId, from) as number,
    resolvedOrders: statement(
      db,
      `SELECT events.at AS resolvedAt, orders.deadline_at AS deadlineAt
       FROM work_order_events AS events INDEXED BY work_order_events_resolved
       JOIN work_orders AS orders ON orders.id = events.work_order_id
       WHERE events.kind = 'resolved' AND events.at >= ? AND orders.created_by = ?`,
    ).all(from, agentId) as ResolvedOrder[],
  }),
};
