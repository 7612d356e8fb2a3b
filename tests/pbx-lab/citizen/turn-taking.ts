/**
 * When the simulated citizen speaks: a caller waits for the call-taker to finish before going on.
 * Pure: it is fed the level of each frame heard and the clock, and answers with what to do. The
 * citizen is half-duplex: while it speaks, what it hears is not listened to.
 *
 * - Opening: the citizen speaks its first turn once the call-taker pauses after the greeting, or
 *   when nobody speaks, or after `openingMaxMs` at the latest (a caller does not wait forever).
 * - After each turn: the next one comes when the call-taker has said something (at least
 *   `minSpeechMs` of voice, a short hangover after each voiced frame included: a cough is no
 *   reply) and then paused for `pauseMs`.
 * - Silence for `patienceMs` after a turn: the citizen asks whether anyone is there, once; after
 *   another `patienceMs` it carries on with its next turn.
 * - After the last turn and the call-taker's reply: the citizen hangs up.
 */

export interface TurnTakingOptions {
  /** A frame at or above this RMS level is voice. */
  readonly speechDbfs: number;
  /** Voice, counting the hangover after each voiced frame (speech has gaps between syllables). */
  readonly minSpeechMs: number;
  readonly hangoverMs: number;
  readonly pauseMs: number;
  readonly patienceMs: number;
  readonly openingMaxMs: number;
}

export const DEFAULT_TURN_TAKING: TurnTakingOptions = {
  speechDbfs: -42,
  minSpeechMs: 400,
  hangoverMs: 200,
  pauseMs: 900,
  patienceMs: 8_000,
  openingMaxMs: 4_000,
};

export type TurnAction = { type: 'speak'; turn: number } | { type: 'nudge' } | { type: 'hangUp' };

export interface TurnTaking {
  /** The call was answered at `now`. */
  answered(now: number): void;
  /** A frame of what the call-taker said, `durationMs` long, at `level` dBFS. */
  heard(level: number, durationMs: number, now: number): TurnAction | null;
  /** The clock moved on without audio (a muted or silent far end sends nothing). */
  tick(now: number): TurnAction | null;
  /** Back from hold at `now`: a caller on hold waits, and the wait does not count as silence. */
  resumed(now: number): void;
  /** The citizen's clip finished playing at `now`. */
  finishedSpeaking(now: number): TurnAction | null;
  readonly phase: 'waiting' | 'opening' | 'listening' | 'speaking' | 'done';
}

export const createTurnTaking = (turnCount: number, options: TurnTakingOptions = DEFAULT_TURN_TAKING): TurnTaking => {
  if (!Number.isInteger(turnCount) || turnCount < 1) throw new Error('a citizen needs at least one turn');
  let phase: TurnTaking['phase'] = 'waiting';
  let nextTurn = 0;
  let listenSince = 0;
  let lastVoiceAt = -Infinity;
  let voicedMs = 0;
  let nudged = false;

  const listen = (now: number) => {
    listenSince = now;
    lastVoiceAt = -Infinity;
    voicedMs = 0;
  };

  const speakNext = (): TurnAction => {
    if (nextTurn >= turnCount) {
      phase = 'done';
      return { type: 'hangUp' };
    }
    phase = 'speaking';
    nudged = false;
    return { type: 'speak', turn: nextTurn++ };
  };

  const decide = (now: number): TurnAction | null => {
    const quietFor = now - Math.max(listenSince, lastVoiceAt);
    if (phase === 'opening') {
      return quietFor >= options.pauseMs || now - listenSince >= options.openingMaxMs ? speakNext() : null;
    }
    if (phase !== 'listening') return null;
    if (voicedMs >= options.minSpeechMs && quietFor >= options.pauseMs) return speakNext();
    if (voicedMs < options.minSpeechMs && now - listenSince >= options.patienceMs) {
      if (nudged) return speakNext();
      nudged = true;
      phase = 'speaking';
      return { type: 'nudge' };
    }
    return null;
  };

  return {
    get phase() {
      return phase;
    },
    answered: (now) => {
      if (phase !== 'waiting') return;
      phase = 'opening';
      listen(now);
    },
    heard: (level, durationMs, now) => {
      if (phase !== 'opening' && phase !== 'listening') return null;
      const voiced = level >= options.speechDbfs;
      if (voiced || now - lastVoiceAt <= options.hangoverMs) voicedMs += durationMs;
      if (voiced) lastVoiceAt = now;
      return decide(now);
    },
    tick: (now) => decide(now),
    resumed: (now) => {
      if (phase === 'opening' || phase === 'listening') listen(now);
    },
    finishedSpeaking: (now) => {
      if (phase !== 'speaking') return null;
      phase = 'listening';
      listen(now);
      return null;
    },
  };
};
