/**
 * A queue's counts, kept so that a call's part can be added and taken back: the platform keeps one
 * per half hour and updates it per event (no scan of the calls), and the KPI formulas read rates
 * off a tally — the same arithmetic whether over a list of calls or over the live counts.
 */
export interface TallySettings {
  /** 30 秒人工接通率's threshold: 30 s in Jiangsu, 15 s in some centres. */
  readonly answerWithinSeconds: number;
  /** Callers who hang up before this are short abandons: counted in neither numerator nor denominator. */
  readonly shortAbandonSeconds: number;
}

export interface QueueTally {
  /** Entered the queue. */
  readonly offered: number;
  readonly answered: number;
  readonly answeredWithin: number;
  /** Hung up while waiting, short abandons included. */
  readonly abandoned: number;
  readonly shortAbandoned: number;
  /** Sum of queue waits of the answered calls. */
  readonly answeredWaitMs: number;
}

export const EMPTY_TALLY: QueueTally = {
  offered: 0,
  answered: 0,
  answeredWithin: 0,
  abandoned: 0,
  shortAbandoned: 0,
  answeredWaitMs: 0,
};

/** One call as the queue saw it, times in ms since the epoch. */
export interface QueueCallTimes {
  readonly offeredAt: number;
  readonly answeredAt: number | null;
  readonly abandonedAt: number | null;
}

export const callTally = (call: QueueCallTimes, settings: TallySettings): QueueTally => {
  if (call.answeredAt !== null) {
    const waitMs = call.answeredAt - call.offeredAt;
    return {
      ...EMPTY_TALLY,
      offered: 1,
      answered: 1,
      answeredWithin: waitMs <= settings.answerWithinSeconds * 1000 ? 1 : 0,
      answeredWaitMs: waitMs,
    };
  }
  if (call.abandonedAt !== null) {
    const short = call.abandonedAt - call.offeredAt < settings.shortAbandonSeconds * 1000;
    return { ...EMPTY_TALLY, offered: 1, abandoned: 1, shortAbandoned: short ? 1 : 0 };
  }
  return { ...EMPTY_TALLY, offered: 1 };
};

export const addTally = (a: QueueTally, b: QueueTally, sign: 1 | -1 = 1): QueueTally => ({
  offered: a.offered + sign * b.offered,
  answered: a.answered + sign * b.answered,
  answeredWithin: a.answeredWithin + sign * b.answeredWithin,
  abandoned: a.abandoned + sign * b.abandoned,
  shortAbandoned: a.shortAbandoned + sign * b.shortAbandoned,
  answeredWaitMs: a.answeredWaitMs + sign * b.answeredWaitMs,
});

const ratio = (numerator: number, denominator: number): number | null => (denominator <= 0 ? null : numerator / denominator);

/** The calls a rate is taken over: offered, short abandons left out. */
const countedOf = (tally: QueueTally): number => tally.offered - tally.shortAbandoned;

/** 接通率: answered ÷ offered (short abandons excluded). null for an empty window: no rate, not 0 %. */
export const answerRateOf = (tally: QueueTally): number | null => ratio(tally.answered, countedOf(tally));
/** 30 秒人工接通率: answered within the threshold ÷ offered (short abandons excluded). */
export const answeredWithinRateOf = (tally: QueueTally): number | null => ratio(tally.answeredWithin, countedOf(tally));
/** 平均等待时长 (seconds) over the answered calls. */
export const averageWaitSecondsOf = (tally: QueueTally): number | null =>
  tally.answered === 0 ? null : tally.answeredWaitMs / tally.answered / 1000;
