/**
 * Agent states (坐席状态), pure. The softphone (issue #4) drives it with call events; every
 * transition is returned as an event the sync engine sends to the platform.
 *
 *   signed-out ──signIn──▶ not-ready(未示闲) ◀──setNotReady(reason)──┐
 *        ▲                    │  ▲                                   │
 *     signOut           setReady  setNotReady                        │
 *        │                    ▼  │                                   │
 *        └──────────────── ready ──callStarted──▶ on-call(previous) ──callEnded──▶ wrap-up(previous, until)
 *                                                                                     │ wrapUpExpired / setReady / setNotReady
 *                                                                                     ▼
 *                                                                               previous (ready or not-ready)
 */
export type AgentState =
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'not-ready'; readonly reason: string | null }
  | { readonly kind: 'on-call'; readonly previous: Resting }
  | { readonly kind: 'wrap-up'; readonly previous: Resting; readonly until: number };

export type Resting = { readonly kind: 'ready' } | { readonly kind: 'not-ready'; readonly reason: string | null };

export type AgentEvent =
  | { readonly type: 'signIn' }
  | { readonly type: 'signOut' }
  | { readonly type: 'setReady' }
  | { readonly type: 'setNotReady'; readonly reason: string }
  | { readonly type: 'callStarted' }
  | { readonly type: 'callEnded'; readonly at: number }
  | { readonly type: 'wrapUpExpired'; readonly at: number };

export interface AgentStateConfig {
  /** 小休, 用餐, 会议, 培训 …: the reasons a centre allows for 示忙. */
  readonly notReadyReasons: readonly string[];
  /** 话后整理 length; 0 goes straight back to the state held before the call. */
  readonly wrapUpSeconds: number;
}

export type TransitionResult = { readonly ok: true; readonly state: AgentState } | { readonly ok: false; readonly error: string };

const refuse = (error: string): TransitionResult => ({ ok: false, error });
const to = (state: AgentState): TransitionResult => ({ ok: true, state });

export const initialAgentState: AgentState = { kind: 'signed-out' };

export const transition = (state: AgentState, event: AgentEvent, config: AgentStateConfig): TransitionResult => {
  switch (event.type) {
    case 'signIn':
      return state.kind === 'signed-out' ? to({ kind: 'not-ready', reason: null }) : refuse('已签入');
    case 'signOut':
      return state.kind === 'on-call'
        ? refuse('通话中不能签出')
        : state.kind === 'signed-out'
          ? refuse('尚未签入')
          : to({ kind: 'signed-out' });
    case 'setReady':
      if (state.kind === 'signed-out') return refuse('请先签入');
      if (state.kind === 'on-call') return refuse('通话中不能切换状态');
      return to({ kind: 'ready' });
    case 'setNotReady':
      if (state.kind === 'signed-out') return refuse('请先签入');
      if (state.kind === 'on-call') return refuse('通话中不能切换状态');
      if (!config.notReadyReasons.includes(event.reason)) return refuse(`示忙原因“${event.reason}”不在配置的列表中`);
      return to({ kind: 'not-ready', reason: event.reason });
    case 'callStarted':
      if (state.kind === 'ready' || state.kind === 'not-ready') return to({ kind: 'on-call', previous: state });
      if (state.kind === 'wrap-up') return to({ kind: 'on-call', previous: state.previous });
      return refuse(state.kind === 'on-call' ? '已在通话中' : '请先签入');
    case 'callEnded':
      if (state.kind !== 'on-call') return refuse('没有进行中的通话');
      return config.wrapUpSeconds > 0
        ? to({ kind: 'wrap-up', previous: state.previous, until: event.at + config.wrapUpSeconds * 1000 })
        : to(state.previous);
    case 'wrapUpExpired':
      if (state.kind !== 'wrap-up') return refuse('不在话后整理中');
      return event.at >= state.until ? to(state.previous) : refuse('话后整理尚未结束');
  }
};

/**
 * What to answer an INVITE in this state: only a ready agent's phone rings. Busy (486) while
 * talking or wrapping up; while not ready or signed out the centre's configured response (480
 * temporarily unavailable by default), so the PBX's queue hunts on to the next agent.
 */
export const incomingCallAnswer = (
  state: AgentState,
  notReadyResponse: 480 | 486 = 480,
): { readonly ring: true } | { readonly ring: false; readonly status: 480 | 486 } => {
  switch (state.kind) {
    case 'ready':
      return { ring: true };
    case 'on-call':
    case 'wrap-up':
      return { ring: false, status: 486 };
    default:
      return { ring: false, status: notReadyResponse };
  }
};
