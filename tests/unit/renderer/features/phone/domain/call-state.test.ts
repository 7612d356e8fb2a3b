import { describe, expect, it } from 'vitest';
import {
  type CallEvent,
  type CallState,
  incomingCall,
  outgoingCall,
  stepCall,
  talkSeconds,
} from '../../../../../../renderer/features/phone/domain/call-state';

const run = (state: CallState, ...events: CallEvent[]): CallState => events.reduce(stepCall, state);

describe('call state', () => {
  it('records an answered inbound call ended by the caller, with ring, answer and end times', () => {
    const ended = run(
      incomingCall(1000),
      { type: 'answer', at: 4000 },
      { type: 'hold' },
      { type: 'resume' },
      { type: 'remoteHangup', at: 94_000 },
    );
    expect(ended).toEqual({
      kind: 'ended',
      direction: 'inbound',
      ringAt: 1000,
      answerAt: 4000,
      endAt: 94_000,
      cause: 'caller_hangup',
      transferTarget: null,
    });
    expect(talkSeconds(ended, 0)).toBe(90);
  });

  it('tells a rejected, a missed and an abandoned call apart', () => {
    expect(run(incomingCall(0), { type: 'reject', at: 1 })).toMatchObject({ cause: 'rejected', answerAt: null });
    expect(run(incomingCall(0), { type: 'ringTimeout', at: 30_000 })).toMatchObject({ cause: 'missed' });
    expect(run(incomingCall(0), { type: 'remoteHangup', at: 5 })).toMatchObject({ cause: 'abandoned' });
  });

  it('keeps the transfer target of a transferred call', () => {
    expect(run(incomingCall(0), { type: 'answer', at: 1 }, { type: 'transferred', at: 9, target: '110' })).toMatchObject({
      cause: 'transferred',
      transferTarget: '110',
    });
  });

  it('toggles hold and mute only while the call is up, and ignores late callbacks after the end', () => {
    const active = run(outgoingCall(0), { type: 'remoteAnswered', at: 2 }, { type: 'mute' }, { type: 'hold' });
    expect(active).toMatchObject({ kind: 'active', held: true, muted: true });
    const ended = run(active, { type: 'hangup', at: 10 });
    expect(run(ended, { type: 'answer', at: 11 }, { type: 'remoteHangup', at: 12 })).toEqual(ended);
    expect(run(incomingCall(0), { type: 'hold' })).toEqual(incomingCall(0));
  });

  it('runs the call timer from the answer, not from the ring', () => {
    const active = run(incomingCall(0), { type: 'answer', at: 10_000 });
    expect(talkSeconds(active, 25_500)).toBe(15);
    expect(talkSeconds(incomingCall(0), 99_999)).toBe(0);
  });
});
