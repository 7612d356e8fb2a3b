import { describe, expect, it } from 'vitest';
import {
  type AgentState,
  incomingCallAnswer,
  initialAgentState,
  transition,
} from '../../../../../../renderer/features/agent-state/domain/agent-state';

const config = { notReadyReasons: ['小休', '用餐', '会议', '培训'], wrapUpSeconds: 30 };

const run = (state: AgentState, ...events: Parameters<typeof transition>[1][]): AgentState =>
  events.reduce((current, event) => {
    const result = transition(current, event, config);
    if (!result.ok) throw new Error(result.error);
    return result.state;
  }, state);

describe('agent states', () => {
  it('signs in not ready, goes ready, takes a call, wraps up, and returns to ready', () => {
    const onCall = run(initialAgentState, { type: 'signIn' }, { type: 'setReady' }, { type: 'callStarted' });
    expect(onCall).toEqual({ kind: 'on-call', previous: { kind: 'ready' } });
    const wrapUp = run(onCall, { type: 'callEnded', at: 1000 });
    expect(wrapUp).toEqual({ kind: 'wrap-up', previous: { kind: 'ready' }, until: 31_000 });
    expect(transition(wrapUp, { type: 'wrapUpExpired', at: 30_999 }, config)).toEqual({ ok: false, error: '话后整理尚未结束' });
    expect(run(wrapUp, { type: 'wrapUpExpired', at: 31_000 })).toEqual({ kind: 'ready' });
  });

  it('returns to the not-ready reason held before an outbound call', () => {
    const state = run(
      initialAgentState,
      { type: 'signIn' },
      { type: 'setNotReady', reason: '会议' },
      { type: 'callStarted' },
      { type: 'callEnded', at: 0 },
      { type: 'wrapUpExpired', at: 30_000 },
    );
    expect(state).toEqual({ kind: 'not-ready', reason: '会议' });
  });

  it('skips wrap-up when it is configured to 0 seconds', () => {
    const result = transition(
      { kind: 'on-call', previous: { kind: 'ready' } },
      { type: 'callEnded', at: 0 },
      { ...config, wrapUpSeconds: 0 },
    );
    expect(result).toEqual({ ok: true, state: { kind: 'ready' } });
  });

  it('refuses what an agent may not do, saying why', () => {
    const onCall: AgentState = { kind: 'on-call', previous: { kind: 'ready' } };
    expect(transition(onCall, { type: 'signOut' }, config)).toEqual({ ok: false, error: '通话中不能签出' });
    expect(transition({ kind: 'ready' }, { type: 'setNotReady', reason: '逛街' }, config)).toEqual({
      ok: false,
      error: '示忙原因“逛街”不在配置的列表中',
    });
    expect(transition(initialAgentState, { type: 'setReady' }, config)).toEqual({ ok: false, error: '请先签入' });
  });

  it('lets only a ready agent’s phone ring, and tells the PBX why not otherwise', () => {
    expect(incomingCallAnswer({ kind: 'ready' })).toEqual({ ring: true });
    expect(incomingCallAnswer({ kind: 'not-ready', reason: '用餐' })).toEqual({ ring: false, status: 480 });
    expect(incomingCallAnswer({ kind: 'wrap-up', previous: { kind: 'ready' }, until: 0 })).toEqual({ ring: false, status: 486 });
    expect(incomingCallAnswer({ kind: 'on-call', previous: { kind: 'ready' } })).toEqual({ ring: false, status: 486 });
    expect(incomingCallAnswer(initialAgentState)).toEqual({ ring: false, status: 480 });
  });
});
