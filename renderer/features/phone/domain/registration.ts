/**
 * Registration with the PBX, pure: which server to try, when to retry, what the bar shows. sip.js
 * transports do not recover by themselves (by design), so recovery is this machine's job; the
 * adapter (issue #4) performs the effects it returns and feeds back what happened.
 *
 *   idle ──start──▶ connecting(server i) ──connected──▶ registering ──registered──▶ registered
 *                        │  ▲                               │  401/403 ─▶ failed(auth)
 *                failed  │  │ retry timer                   │ other failure / transport lost
 *                        ▼  │                               ▼
 *               next server, or after the last: waiting(backoff with jitter) ◀── transport lost
 *   `online` (the OS says the network is back) cuts any wait short and starts again at server 0.
 */
export type RegistrationState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'connecting'; readonly server: number; readonly round: number }
  | { readonly kind: 'registering'; readonly server: number; readonly round: number }
  | { readonly kind: 'registered'; readonly server: number }
  | {
      readonly kind: 'waiting';
      readonly round: number;
      readonly retryAt: number;
      /** The registrar's answer that put us here (null: no answer, an unparsable one, or a lost transport). */
      readonly status?: number | null;
    }
  | { readonly kind: 'failed'; readonly reason: 'auth' | 'unconfigured' };

export type RegistrationEvent =
  | { readonly type: 'start' }
  | { readonly type: 'stop' }
  | { readonly type: 'transportConnected' }
  | { readonly type: 'transportFailed'; readonly at: number }
  | { readonly type: 'registered' }
  /** A REGISTER, first or refresh, failed: a final status, or null when none came (timeout, unparsable, wrong Contact). */
  | { readonly type: 'rejected'; readonly status: number | null; readonly retryAfterMs?: number | null; readonly at: number }
  | { readonly type: 'transportLost'; readonly at: number }
  | { readonly type: 'retryDue'; readonly at: number }
  | { readonly type: 'online' };

/** What the adapter must do after a transition; at most one connection or REGISTER at a time. */
export type RegistrationEffect =
  | { readonly type: 'connect'; readonly server: number }
  | { readonly type: 'register' }
  | { readonly type: 'disposeTransport' }
  | { readonly type: 'scheduleRetry'; readonly at: number };

export interface RegistrationConfig {
  readonly servers: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A registrar's Retry-After is honoured up to this (a hostile or broken one could say a day). */
  readonly maxRetryAfterMs: number;
  readonly random: () => number;
}

export interface Step {
  readonly state: RegistrationState;
  readonly effects: readonly RegistrationEffect[];
}

const retryDelay = (round: number, config: RegistrationConfig): number => {
  const ceiling = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** round);
  return Math.round(ceiling / 2 + config.random() * (ceiling / 2));
};

interface Failure {
  readonly at: number;
  readonly status?: number | null;
  readonly retryAfterMs?: number | null;
}

/** The next server, or a wait once every server of this round has failed. */
const afterFailure = (server: number, round: number, failure: Failure, config: RegistrationConfig): Step => {
  if (server + 1 < config.servers) {
    return {
      state: { kind: 'connecting', server: server + 1, round },
      effects: [{ type: 'disposeTransport' }, { type: 'connect', server: server + 1 }],
    };
  }
  const asked = Math.min(Math.max(0, failure.retryAfterMs ?? 0), config.maxRetryAfterMs);
  const retryAt = failure.at + Math.max(retryDelay(round, config), asked);
  return {
    state: { kind: 'waiting', round: round + 1, retryAt, status: failure.status ?? null },
    effects: [{ type: 'disposeTransport' }, { type: 'scheduleRetry', at: retryAt }],
  };
};

const isAuthFailure = (status: number | null): boolean => status === 401 || status === 403 || status === 407;

const begin = (round: number, config: RegistrationConfig): Step =>
  config.servers === 0
    ? { state: { kind: 'failed', reason: 'unconfigured' }, effects: [] }
    : {
        state: { kind: 'connecting', server: 0, round },
        effects: [{ type: 'disposeTransport' }, { type: 'connect', server: 0 }],
      };

export const stepRegistration = (state: RegistrationState, event: RegistrationEvent, config: RegistrationConfig): Step => {
  const stay: Step = { state, effects: [] };
  switch (event.type) {
    case 'start':
      return state.kind === 'idle' || state.kind === 'failed' ? begin(0, config) : stay;
    case 'stop':
      return { state: { kind: 'idle' }, effects: [{ type: 'disposeTransport' }] };
    case 'transportConnected':
      return state.kind === 'connecting'
        ? { state: { kind: 'registering', server: state.server, round: state.round }, effects: [{ type: 'register' }] }
        : stay;
    case 'transportFailed':
      return state.kind === 'connecting' ? afterFailure(state.server, state.round, event, config) : stay;
    case 'registered':
      return state.kind === 'registering' ? { state: { kind: 'registered', server: state.server }, effects: [] } : stay;
    case 'rejected':
      if (state.kind !== 'registering' && state.kind !== 'registered') return stay;
      // Wrong credentials do not get better by retrying: say so and wait for the agent.
      if (isAuthFailure(event.status))
        return { state: { kind: 'failed', reason: 'auth' }, effects: [{ type: 'disposeTransport' }] };
      // A refresh that failed starts a new round from the top, after the registrar's Retry-After at least.
      if (state.kind === 'registered') return afterFailure(config.servers - 1, 0, event, config);
      return afterFailure(state.server, state.round, event, config);
    case 'transportLost':
      if (state.kind === 'registered' || state.kind === 'registering') return afterFailure(-1, 0, event, config);
      return stay;
    case 'retryDue':
      return state.kind === 'waiting' && event.at >= state.retryAt ? begin(state.round, config) : stay;
    case 'online':
      return state.kind === 'waiting' ? begin(0, config) : stay;
  }
};

/** The softphone bar's words for each state. */
export const registrationLabel = (state: RegistrationState): string => {
  switch (state.kind) {
    case 'idle':
      return '未注册';
    case 'connecting':
    case 'registering':
      return '正在注册…';
    case 'registered':
      return '已注册';
    case 'waiting':
      return state.status ? `注册失败（服务器答复 ${state.status}），正在重试` : '连不上话务服务器，正在重试';
    case 'failed':
      return state.reason === 'auth' ? '注册被拒绝：分机号或密码错误' : '未配置话务服务器';
  }
};
