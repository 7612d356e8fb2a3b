import { describe, expect, it } from 'vitest';
import {
  type RegistrationEvent,
  type RegistrationState,
  registrationLabel,
  stepRegistration,
} from '../../../../../../renderer/features/phone/domain/registration';

const config = { servers: 2, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000, random: () => 0.5 };
const run = (state: RegistrationState, ...events: RegistrationEvent[]) =>
  events.reduce<{ state: RegistrationState; effects: unknown[] }>(
    (current, event) => {
      const next = stepRegistration(current.state, event, config);
      return { state: next.state, effects: [...current.effects, ...next.effects] };
    },
    { state, effects: [] },
  );

describe('registration', () => {
  it('connects to the first server and registers, one step at a time', () => {
    const { state, effects } = run({ kind: 'idle' }, { type: 'start' }, { type: 'transportConnected' }, { type: 'registered' });
    expect(state).toEqual({ kind: 'registered', server: 0 });
    expect(effects).toEqual([{ type: 'disposeTransport' }, { type: 'connect', server: 0 }, { type: 'register' }]);
  });

  it('fails over to the next server, then waits with growing backoff before starting over', () => {
    const first = run({ kind: 'idle' }, { type: 'start' }, { type: 'transportFailed', at: 0 });
    expect(first.state).toEqual({ kind: 'connecting', server: 1, round: 0 });
    const waiting = run(first.state, { type: 'transportFailed', at: 0 });
    expect(waiting.state).toEqual({ kind: 'waiting', round: 1, retryAt: 750, status: null });
    const again = run(
      waiting.state,
      { type: 'retryDue', at: 750 },
      { type: 'transportFailed', at: 750 },
      { type: 'transportFailed', at: 750 },
    );
    expect(again.state).toEqual({ kind: 'waiting', round: 2, retryAt: 750 + 1500, status: null });
  });

  it('starts again at once when the network comes back', () => {
    expect(stepRegistration({ kind: 'waiting', round: 5, retryAt: 99_999 }, { type: 'online' }, config).state).toEqual({
      kind: 'connecting',
      server: 0,
      round: 0,
    });
  });

  it('reconnects from the top when a registered transport is lost (PBX restart, network blip)', () => {
    const lost = stepRegistration({ kind: 'registered', server: 1 }, { type: 'transportLost', at: 10 }, config);
    expect(lost.state).toEqual({ kind: 'connecting', server: 0, round: 0 });
    expect(lost.effects).toEqual([{ type: 'disposeTransport' }, { type: 'connect', server: 0 }]);
  });

  it('stops on wrong credentials instead of hammering the PBX', () => {
    const { state } = run(
      { kind: 'idle' },
      { type: 'start' },
      { type: 'transportConnected' },
      { type: 'rejected', status: 401, at: 0 },
    );
    expect(state).toEqual({ kind: 'failed', reason: 'auth' });
  });

  it('a refresh the registrar refuses leaves 已注册 at once and registers again after the backoff', () => {
    const refused = stepRegistration({ kind: 'registered', server: 1 }, { type: 'rejected', status: 503, at: 1_000 }, config);
    expect(refused.state).toEqual({ kind: 'waiting', round: 1, retryAt: 1_750, status: 503 });
    expect(refused.effects).toEqual([{ type: 'disposeTransport' }, { type: 'scheduleRetry', at: 1_750 }]);
    expect(registrationLabel(refused.state)).toBe('注册失败（服务器答复 503），正在重试');
    const again = run(refused.state, { type: 'retryDue', at: 1_750 }, { type: 'transportConnected' }, { type: 'registered' });
    expect(again.state).toEqual({ kind: 'registered', server: 0 });
    expect(again.effects).toEqual([{ type: 'disposeTransport' }, { type: 'connect', server: 0 }, { type: 'register' }]);
  });

  it('honours Retry-After of a refused refresh, capped, and never waits less than the backoff', () => {
    const at = (retryAfterMs: number | null) =>
      stepRegistration({ kind: 'registered', server: 0 }, { type: 'rejected', status: 500, retryAfterMs, at: 0 }, config).state;
    expect(at(5_000)).toMatchObject({ kind: 'waiting', retryAt: 5_000 });
    expect(at(86_400_000)).toMatchObject({ kind: 'waiting', retryAt: 60_000 });
    expect(at(100)).toMatchObject({ kind: 'waiting', retryAt: 750 });
  });

  it('a refresh with no readable answer (timeout, garbage, a 200 without our Contact) is a failure too', () => {
    const lost = stepRegistration({ kind: 'registered', server: 0 }, { type: 'rejected', status: null, at: 0 }, config);
    expect(lost.state).toMatchObject({ kind: 'waiting', status: null });
    expect(registrationLabel(lost.state)).toBe('连不上话务服务器，正在重试');
  });

  it('a refresh refused for the credentials stops and says so', () => {
    expect(stepRegistration({ kind: 'registered', server: 0 }, { type: 'rejected', status: 403, at: 0 }, config).state).toEqual({
      kind: 'failed',
      reason: 'auth',
    });
  });

  it('ignores events that do not belong to the current state (late callbacks)', () => {
    expect(stepRegistration({ kind: 'registered', server: 0 }, { type: 'transportConnected' }, config).effects).toEqual([]);
    expect(stepRegistration({ kind: 'waiting', round: 1, retryAt: 100 }, { type: 'retryDue', at: 50 }, config).state.kind).toBe(
      'waiting',
    );
  });

  it('says when there is no server to try', () => {
    expect(stepRegistration({ kind: 'idle' }, { type: 'start' }, { ...config, servers: 0 }).state).toEqual({
      kind: 'failed',
      reason: 'unconfigured',
    });
  });
});
