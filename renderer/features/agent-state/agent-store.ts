import { create } from 'zustand';
import { desk } from '../../shared/desk/desk-client';
import {
  type AgentEvent,
  type AgentState,
  type AgentStateConfig,
  type Resting,
  incomingCallAnswer,
  initialAgentState,
  transition,
} from './domain/agent-state';

export interface AgentStoreState {
  readonly state: AgentState;
  readonly config: AgentStateConfig & { readonly notReadyResponse: 480 | 486 };
  readonly error: string | null;
  readonly reasonPickerOpen: boolean;
  /** The softphone's registration: an agent whose phone is not registered cannot be reached, whatever the state. */
  readonly phoneRegistered: boolean;
}

export const useAgentStore = create<AgentStoreState>()(() => ({
  state: initialAgentState,
  config: { notReadyReasons: ['小休', '用餐', '会议', '培训'], wrapUpSeconds: 30, notReadyResponse: 480 },
  error: null,
  reasonPickerOpen: false,
  phoneRegistered: false,
}));
const set = useAgentStore.setState;

let wrapUpTimer: ReturnType<typeof setTimeout> | null = null;

const record = (state: AgentState): void => {
  const reason = state.kind === 'not-ready' ? state.reason : null;
  const phoneRegistered = useAgentStore.getState().phoneRegistered;
  void desk()
    .phone.agentStateChanged({ state: state.kind, reason, phoneRegistered, at: new Date().toISOString() })
    .then((result) => {
      if (!result.ok) set({ error: `坐席状态未上报：${result.error.message}` });
    });
};

const apply = (event: AgentEvent): boolean => {
  const result = transition(useAgentStore.getState().state, event, useAgentStore.getState().config);
  if (!result.ok) {
    set({ error: result.error });
    return false;
  }
  set({ state: result.state, error: null, reasonPickerOpen: false });
  record(result.state);
  if (wrapUpTimer) clearTimeout(wrapUpTimer);
  wrapUpTimer = null;
  if (result.state.kind === 'wrap-up') {
    const until = result.state.until;
    wrapUpTimer = setTimeout(() => apply({ type: 'wrapUpExpired', at: Math.max(Date.now(), until) }), until - Date.now());
  }
  return true;
};

/** The platform hears at once when a signed-in agent becomes unreachable, and again when reachable. */
export const phoneReachabilityChanged = (registered: boolean): void => {
  if (useAgentStore.getState().phoneRegistered === registered) return;
  set({ phoneRegistered: registered });
  const { state } = useAgentStore.getState();
  if (state.kind !== 'signed-out') record(state);
};

/** What survives a reload of the page: the resting state the agent chose (no call can be up then). */
export const agentStateForReload = (): Resting | null => {
  const { state } = useAgentStore.getState();
  if (state.kind === 'ready' || state.kind === 'not-ready') return state;
  return state.kind === 'wrap-up' || state.kind === 'on-call' ? state.previous : null;
};

/** The saved state is page storage, so it is read as untrusted: anything unexpected is ignored. */
export const agentStateRestored = (saved: string): void => {
  let value: unknown;
  try {
    value = JSON.parse(saved);
  } catch {
    return;
  }
  const candidate = value as { kind?: unknown; reason?: unknown } | null;
  if (candidate?.kind === 'ready') set({ state: { kind: 'ready' } });
  else if (candidate?.kind === 'not-ready' && (typeof candidate.reason === 'string' || candidate.reason === null))
    set({ state: { kind: 'not-ready', reason: candidate.reason } });
};

export const agentConfigured = (config: AgentStoreState['config']): void => set({ config });
export const signedIn = (): boolean => {
  // Signing in is a click: the moment a browser lets us ask for notifications (a ring while the
  // window is behind another shows one).
  if (typeof Notification !== 'undefined' && Notification.permission === 'default')
    void Notification.requestPermission().catch(() => undefined);
  return apply({ type: 'signIn' });
};
export const signedOut = (): boolean => apply({ type: 'signOut' });
/** 示闲 promises the queue a reachable agent: not while the phone is unregistered. */
export const readySet = (): boolean => {
  if (!useAgentStore.getState().phoneRegistered) {
    set({ error: '话务未注册，不能示闲：注册成功后再示闲，来电才能接入' });
    return false;
  }
  return apply({ type: 'setReady' });
};
export const notReadySet = (reason: string): boolean => apply({ type: 'setNotReady', reason });
export const reasonPickerToggled = (open: boolean): void => set({ reasonPickerOpen: open, error: null });

/** The phone asks before it rings; a refused call never reaches the agent. */
export const answerForIncomingCall = () =>
  incomingCallAnswer(useAgentStore.getState().state, useAgentStore.getState().config.notReadyResponse);

export const agentCallStarted = (): void => {
  if (useAgentStore.getState().state.kind !== 'on-call') apply({ type: 'callStarted' });
};
export const agentCallEnded = (): void => {
  if (useAgentStore.getState().state.kind === 'on-call') apply({ type: 'callEnded', at: Date.now() });
};
