import { describe, expect, it } from 'vitest';
import { createTurnTaking, DEFAULT_TURN_TAKING, type TurnAction } from '../../../pbx-lab/citizen/turn-taking';

const VOICE = -20;
const QUIET = -70;

/** Feeds 20 ms frames from `from` to `to` at `level`, returning the first action and when it came. */
const feed = (taking: ReturnType<typeof createTurnTaking>, from: number, to: number, level: number) => {
  for (let now = from; now < to; now += 20) {
    const action = taking.heard(level, 20, now);
    if (action) return { action, at: now };
  }
  return null;
};

describe('when the simulated citizen speaks', () => {
  it('opens once the greeting pauses, not while the call-taker is still talking', () => {
    const taking = createTurnTaking(3);
    taking.answered(0);
    expect(feed(taking, 0, 2_000, VOICE)).toBeNull();
    const opening = feed(taking, 2_000, 4_000, QUIET);
    expect(opening?.action).toEqual<TurnAction>({ type: 'speak', turn: 0 });
    expect(opening?.at).toBe(2_000 - 20 + DEFAULT_TURN_TAKING.pauseMs);
  });

  it('opens after openingMaxMs even when the call-taker never stops', () => {
    const taking = createTurnTaking(2);
    taking.answered(0);
    expect(feed(taking, 0, 5_000, VOICE)).toEqual({ action: { type: 'speak', turn: 0 }, at: DEFAULT_TURN_TAKING.openingMaxMs });
  });

  it('waits for a reply and its pause before each next turn, then hangs up after the last reply', () => {
    const taking = createTurnTaking(2);
    taking.answered(0);
    feed(taking, 0, 1_000, QUIET);
    expect(taking.phase).toBe('speaking');
    taking.finishedSpeaking(5_000);
    // Silence alone is no reply.
    expect(feed(taking, 5_000, 7_000, QUIET)).toBeNull();
    expect(feed(taking, 7_000, 8_000, VOICE)).toBeNull();
    expect(feed(taking, 8_000, 10_000, QUIET)).toEqual({
      action: { type: 'speak', turn: 1 },
      at: 7_980 + DEFAULT_TURN_TAKING.pauseMs,
    });
    taking.finishedSpeaking(12_000);
    feed(taking, 12_000, 12_500, VOICE);
    expect(feed(taking, 12_500, 14_000, QUIET)?.action).toEqual({ type: 'hangUp' });
    expect(taking.phase).toBe('done');
  });

  it('a cough is not a reply: shorter than minSpeechMs with its hangover is ignored', () => {
    const taking = createTurnTaking(2);
    taking.answered(0);
    feed(taking, 0, 1_000, QUIET);
    taking.finishedSpeaking(3_000);
    feed(taking, 3_000, 3_100, VOICE);
    expect(feed(taking, 3_100, 6_000, QUIET)).toBeNull();
  });

  it('short syllables with gaps between them add up to a reply', () => {
    const taking = createTurnTaking(2);
    taking.answered(0);
    feed(taking, 0, 1_000, QUIET);
    taking.finishedSpeaking(1_000);
    // Three 20 ms bursts half a second apart, as a beeping microphone sends: 3 × (20 + 200) ms.
    for (const burst of [1_000, 1_500, 2_000]) {
      expect(taking.heard(VOICE, 20, burst)).toBeNull();
      expect(feed(taking, burst + 20, burst + 500, QUIET)).toBeNull();
    }
    expect(feed(taking, 2_500, 4_000, QUIET)).toEqual({
      action: { type: 'speak', turn: 1 },
      at: 2_000 + DEFAULT_TURN_TAKING.pauseMs,
    });
  });

  it('asks once whether anyone is there, then carries on', () => {
    const taking = createTurnTaking(2);
    taking.answered(0);
    feed(taking, 0, 1_000, QUIET);
    taking.finishedSpeaking(1_000);
    expect(taking.tick(1_000 + DEFAULT_TURN_TAKING.patienceMs)).toEqual({ type: 'nudge' });
    taking.finishedSpeaking(10_000);
    expect(taking.tick(10_000 + DEFAULT_TURN_TAKING.patienceMs - 1)).toBeNull();
    expect(taking.tick(10_000 + DEFAULT_TURN_TAKING.patienceMs)).toEqual({ type: 'speak', turn: 1 });
  });

  it('does not listen while speaking, and a hold does not count as silence', () => {
    const taking = createTurnTaking(2);
    taking.answered(0);
    feed(taking, 0, 1_000, QUIET);
    expect(taking.heard(VOICE, 20, 1_500)).toBeNull();
    taking.finishedSpeaking(2_000);
    taking.resumed(30_000);
    expect(taking.tick(30_000 + DEFAULT_TURN_TAKING.patienceMs - 1)).toBeNull();
  });

  it('refuses a scenario without turns', () => {
    expect(() => createTurnTaking(0)).toThrow();
  });
});
