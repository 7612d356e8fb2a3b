import type { HallAgent, HallBucket, HelpRequest, WallboardDelta, WallboardSnapshot } from '../../../../preload/contract';

export type LiveWallboard = WallboardSnapshot & { readonly seq: number };

const mergeBy = <T, K>(current: readonly T[], changes: readonly T[] | undefined, key: (item: T) => K): T[] => {
  if (!changes?.length) return [...current];
  const changed = new Map(changes.map((item) => [key(item), item]));
  const merged = current.map((item) => changed.get(key(item)) ?? item);
  const known = new Set(current.map(key));
  return [...merged, ...changes.filter((item) => !known.has(key(item)))];
};

/**
 * A delta applied to the wallboard, or 'gap' when one was missed (its seq is not the next): the
 * caller then asks for a snapshot instead of showing figures that silently lack an event.
 */
export const applyWallboardDelta = (board: LiveWallboard, delta: WallboardDelta): LiveWallboard | 'gap' | 'stale' => {
  if (delta.seq <= board.seq) return 'stale';
  if (delta.seq !== board.seq + 1) return 'gap';
  return {
    ...board,
    seq: delta.seq,
    at: delta.at,
    feedUp: delta.feedUp ?? board.feedUp,
    queue: delta.queue ?? board.queue,
    buckets: mergeBy<HallBucket, number>(board.buckets, delta.buckets, (bucket) => bucket.start).sort(
      (a, b) => a.start - b.start,
    ),
    agents: mergeBy<HallAgent, string>(board.agents, delta.agents, (agent) => agent.agentId),
    // A resolved request is done: it leaves the lead's list.
    help: mergeBy<HelpRequest, string>(board.help, delta.help, (request) => request.id).filter(
      (request) => request.status !== 'resolved',
    ),
  };
};
