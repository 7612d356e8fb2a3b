import {
  EMPTY_TALLY,
  type QueueTally,
  addTally,
  answerRateOf,
  answeredWithinRateOf,
  averageWaitSecondsOf,
  callTally,
} from '../../../main/lead/domain/queue-tally';
import {
  HALL_AGENT_STATES,
  type HallAgent,
  type HallBucket,
  type HallSettings,
  type QueueTile,
  type WallboardDelta,
  type WallboardSnapshot,
} from '../../../preload/contract/lead-contract';
import type { HelpRequest } from '../../../preload/contract/help-contract';
import { type ResolvedOrder, onTimeRateOf, onlineResolutionRate, resolvedOnTime } from '../../../main/lead/domain/kpi';
import type { QueueEvent } from '../acd/acd';

const BUCKET_MS = 30 * 60 * 1000;
const bucketOf = (at: number): number => Math.floor(at / BUCKET_MS) * BUCKET_MS;

export const DEFAULT_HALL_SETTINGS: HallSettings = {
  answerWithinSeconds: 30,
  shortAbandonSeconds: 5,
  windowHours: 12,
  serviceLevelTarget: 0.95,
};

interface Bucket {
  tally: QueueTally;
  handled: number;
  handlingMs: number;
  answeredCitizen: number;
  direct: number;
  resolved: number;
  onTime: number;
}
interface AgentCounts {
  handled: number;
  handlingMs: number;
  answered: number;
  direct: number;
}
interface QueueCall {
  offeredAt: number;
  answeredAt: number | null;
  abandonedAt: number | null;
}
type AgentRow = Omit<HallAgent, 'handled' | 'handlingSeconds' | 'answeredCitizenCalls' | 'directlyClosed'> & {
  handlingStartedAt: number | null;
  counts: Map<number, AgentCounts>;
};

const maskNumber = (number: string): string =>
  /^\d{7,}$/.test(number) ? `${number.slice(0, 3)}****${number.slice(-4)}` : number === '' ? '未知' : '***';

/**
 * One centre's hall, kept incrementally: each event touches one call, one half-hour bucket and at
 * most one agent, and the window's figures are the sum of its buckets (24 for 12 hours) — never a
 * scan of the calls. Calls are kept only while the window can still need them.
 */
export const createHall = (options: {
  settings?: HallSettings;
  now?: () => number;
  /** Help requests still open when the hall is (re)made, e.g. after the platform restarted. */
  openHelp?: readonly HelpRequest[];
  onDelta: (delta: WallboardDelta) => void;
}) => {
  const settings = options.settings ?? DEFAULT_HALL_SETTINGS;
  const now = options.now ?? Date.now;
  const calls = new Map<string, QueueCall>();
  /** Callers waiting now, in the order they entered: the first is the longest wait. */
  const waiting = new Map<string, number>();
  const buckets = new Map<number, Bucket>();
  const agents = new Map<string, AgentRow>();
  const byExtension = new Map<string, string>();
  /** Open help requests (求助), in the order they were raised. */
  const help = new Map<string, HelpRequest>((options.openHelp ?? []).map((request) => [request.id, request]));
  /** Kept per change, so a delta never counts the agents again (a provincial hall has hundreds). */
  const agentsByState = Object.fromEntries(HALL_AGENT_STATES.map((state) => [state, 0])) as QueueTile['agentsByState'];
  let feedUp = false;
  let seq = 0;

  const windowStart = (at: number): number => bucketOf(at - settings.windowHours * 3_600_000) + BUCKET_MS;
  const bucket = (start: number): Bucket => {
    let found = buckets.get(start);
    if (!found) {
      found = { tally: EMPTY_TALLY, handled: 0, handlingMs: 0, answeredCitizen: 0, direct: 0, resolved: 0, onTime: 0 };
      buckets.set(start, found);
    }
    return found;
  };

  const queueTile = (at: number): QueueTile => {
    let tally = EMPTY_TALLY;
    const sum = { handled: 0, handlingMs: 0, answeredCitizen: 0, direct: 0, resolved: 0, onTime: 0 };
    for (const [start, entry] of buckets)
      if (start >= windowStart(at)) {
        tally = addTally(tally, entry.tally);
        sum.handled += entry.handled;
        sum.handlingMs += entry.handlingMs;
        sum.answeredCitizen += entry.answeredCitizen;
        sum.direct += entry.direct;
        sum.resolved += entry.resolved;
        sum.onTime += entry.onTime;
      }
    return {
      waiting: waiting.size,
      oldestWaitingSince: waiting.size === 0 ? null : (waiting.values().next().value ?? null),
      offered: tally.offered,
      answered: tally.answered,
      abandoned: tally.abandoned,
      shortAbandoned: tally.shortAbandoned,
      answerRate: answerRateOf(tally),
      answeredWithinRate: answeredWithinRateOf(tally),
      averageWaitSeconds: averageWaitSecondsOf(tally),
      averageHandlingSeconds: sum.handled === 0 ? null : sum.handlingMs / sum.handled / 1000,
      onlineResolutionRate: onlineResolutionRate(sum.direct, sum.answeredCitizen),
      onTimeResolutionRate: onTimeRateOf(sum.onTime, sum.resolved),
      agentsByState: { ...agentsByState },
    };
  };

  const bucketView = (start: number): HallBucket => {
    const { tally } = bucket(start);
    return {
      start,
      offered: tally.offered,
      answered: tally.answered,
      abandoned: tally.abandoned,
      answeredWithinRate: answeredWithinRateOf(tally),
    };
  };

  const agentView = (row: AgentRow, at: number): HallAgent => {
    const { handlingStartedAt: _started, counts, ...visible } = row;
    const sum: AgentCounts = { handled: 0, handlingMs: 0, answered: 0, direct: 0 };
    for (const [start, entry] of counts)
      if (start >= windowStart(at)) {
        sum.handled += entry.handled;
        sum.handlingMs += entry.handlingMs;
        sum.answered += entry.answered;
        sum.direct += entry.direct;
      }
    return {
      ...visible,
      handled: sum.handled,
      handlingSeconds: sum.handlingMs / 1000,
      answeredCitizenCalls: sum.answered,
      directlyClosed: sum.direct,
    };
  };

  const agentCounts = (row: AgentRow, at: number): AgentCounts => {
    const start = bucketOf(at);
    let found = row.counts.get(start);
    if (!found) {
      found = { handled: 0, handlingMs: 0, answered: 0, direct: 0 };
      row.counts.set(start, found);
    }
    return found;
  };

  const publish = (parts: { buckets?: number[]; agents?: AgentRow[]; feed?: boolean; help?: HelpRequest[] }): void => {
    const at = now();
    seq += 1;
    options.onDelta({
      at,
      seq,
      queue: queueTile(at),
      ...(parts.feed ? { feedUp } : {}),
      ...(parts.buckets?.length ? { buckets: parts.buckets.map(bucketView) } : {}),
      ...(parts.agents?.length ? { agents: parts.agents.map((row) => agentView(row, at)) } : {}),
      ...(parts.help?.length ? { help: parts.help } : {}),
    });
  };

  const rowFor = (agentId: string): AgentRow => {
    let row = agents.get(agentId);
    if (!row) {
      row = {
        agentId,
        extension: null,
        team: null,
        state: 'signed-out',
        reason: null,
        since: now(),
        phoneRegistered: false,
        callSince: null,
        callerMasked: null,
        callMos: null,
        handlingStartedAt: null,
        counts: new Map(),
      };
      agents.set(agentId, row);
      agentsByState[row.state] += 1;
    }
    return row;
  };

  /** Changes the call's part in its bucket: its old contribution out, the new one in. */
  const updateCall = (callId: string, change: (call: QueueCall) => void): number | null => {
    const call = calls.get(callId);
    if (!call) return null;
    const target = bucket(bucketOf(call.offeredAt));
    target.tally = addTally(target.tally, callTally(call, settings), -1);
    change(call);
    target.tally = addTally(target.tally, callTally(call, settings));
    return bucketOf(call.offeredAt);
  };

  const forget = (at: number): void => {
    const oldest = windowStart(at);
    for (const start of buckets.keys()) if (start < oldest) buckets.delete(start);
    for (const [callId, call] of calls) {
      if (call.offeredAt >= oldest) break;
      if (!waiting.has(callId)) calls.delete(callId);
    }
  };

  return {
    settings,
    queueEvent: (event: QueueEvent): void => {
      const agentRow = event.agentExtension ? agents.get(byExtension.get(event.agentExtension) ?? '') : undefined;
      switch (event.kind) {
        case 'entered': {
          if (calls.has(event.callId)) return;
          calls.set(event.callId, { offeredAt: event.at, answeredAt: null, abandonedAt: null });
          waiting.set(event.callId, event.at);
          const start = bucketOf(event.at);
          bucket(start).tally = addTally(bucket(start).tally, callTally(calls.get(event.callId)!, settings));
          forget(event.at);
          return publish({ buckets: [start] });
        }
        case 'answered': {
          if (!waiting.delete(event.callId)) return;
          const start = updateCall(event.callId, (call) => (call.answeredAt = event.at));
          bucket(bucketOf(event.at)).answeredCitizen += 1;
          if (agentRow) {
            agentRow.callSince = event.at;
            agentRow.callerMasked = maskNumber(event.caller);
            agentCounts(agentRow, event.at).answered += 1;
          }
          return publish({ buckets: start === null ? [] : [start], ...(agentRow ? { agents: [agentRow] } : {}) });
        }
        case 'abandoned': {
          // A CANCEL racing the agent's 200: the answer won, the call is not abandoned.
          if (!waiting.delete(event.callId)) return;
          const start = updateCall(event.callId, (call) => (call.abandonedAt = event.at));
          return publish({ buckets: start === null ? [] : [start] });
        }
        default:
          // offered / refused / unreachable change no figure of the wallboard.
          return;
      }
    },

    agentState: (
      agentId: string,
      change: {
        state: string;
        reason: string | null;
        phoneRegistered: boolean;
        at: number;
        extension: string | null;
        team: string | null;
      },
    ): AgentRow => {
      const row = rowFor(agentId);
      const state = (HALL_AGENT_STATES as readonly string[]).includes(change.state)
        ? (change.state as HallAgent['state'])
        : 'signed-out';
      if (change.extension) {
        if (row.extension && row.extension !== change.extension) byExtension.delete(row.extension);
        row.extension = change.extension;
        byExtension.set(change.extension, agentId);
      }
      row.team = change.team ?? row.team;
      if (state === 'on-call' && row.handlingStartedAt === null) row.handlingStartedAt = change.at;
      // Handling ends when the agent leaves the call and its wrap-up.
      if (state !== 'on-call' && state !== 'wrap-up' && row.handlingStartedAt !== null) {
        const started = row.handlingStartedAt;
        const handlingMs = Math.max(0, change.at - started);
        const entry = bucket(bucketOf(started));
        entry.handled += 1;
        entry.handlingMs += handlingMs;
        const counts = agentCounts(row, started);
        counts.handled += 1;
        counts.handlingMs += handlingMs;
        row.handlingStartedAt = null;
      }
      if (state !== 'on-call') {
        row.callSince = null;
        row.callerMasked = null;
        row.callMos = null;
      }
      if (state !== row.state || change.reason !== row.reason) row.since = change.at;
      agentsByState[row.state] -= 1;
      agentsByState[state] += 1;
      row.state = state;
      row.reason = change.reason;
      row.phoneRegistered = change.phoneRegistered;
      publish({ agents: [row], buckets: [] });
      return row;
    },

    extensionOf: (agentId: string): string | null => agents.get(agentId)?.extension ?? null,

    orderClosedDirectly: (agentId: string, at: number): void => {
      const row = rowFor(agentId);
      agentCounts(row, at).direct += 1;
      bucket(bucketOf(at)).direct += 1;
      publish({ agents: [row] });
    },

    /** The agent's console reported its call's quality crossing into or out of poor (the call stream). */
    callQuality: (agentId: string, mos: number): void => {
      const row = agents.get(agentId);
      if (!row || row.state !== 'on-call') return;
      row.callMos = mos;
      publish({ agents: [row] });
    },

    /** A department resolved (办结) an order of this centre: counted in the half hour it happened. */
    orderResolved: (order: ResolvedOrder): void => {
      const entry = bucket(bucketOf(Date.parse(order.resolvedAt)));
      entry.resolved += 1;
      if (resolvedOnTime(order)) entry.onTime += 1;
      publish({});
    },

    /** Raised, acknowledged or resolved: a resolved request leaves the open list (the store keeps it). */
    helpChanged: (request: HelpRequest): void => {
      if (request.status === 'resolved') help.delete(request.id);
      else help.set(request.id, request);
      publish({ help: [request] });
    },

    feed: (up: boolean): void => {
      if (up === feedUp) return;
      feedUp = up;
      publish({ feed: true });
    },

    /** A window edge passing changes the figures with no event: the platform ticks each minute. */
    tick: (): void => {
      forget(now());
      publish({ agents: [...agents.values()] });
    },

    snapshot: (): WallboardSnapshot & { seq: number } => {
      const at = now();
      forget(at);
      return {
        at,
        seq,
        feedUp,
        settings,
        queue: queueTile(at),
        buckets: [...buckets.keys()].sort((a, b) => a - b).map(bucketView),
        agents: [...agents.values()].map((row) => agentView(row, at)),
        help: [...help.values()],
      };
    },
  };
};
export type Hall = ReturnType<typeof createHall>;
