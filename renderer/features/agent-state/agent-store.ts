import { create } from 'zustand';
import { desk } from '../../shared/desk/desk-client';
import {
  type AgentEvent,
  type AgentState,
  type AgentStateConfig,
  incomingCallAnswer,
  initialAgentState,
  transition,
} from './domain/agent-state';

export interface AgentStoreState {
  readonly state: AgentState;
  readonly config: AgentStateConfig & { readonly notReadyResponse: 480 | 486 };
  readonly error: string | null;
  readonly reasonPickerOpen: boolean;
}

export const useAgentStore = create<AgentStoreState>()(() => ({
  state: initialAgentState,
  config: { notReadyReasons: ['小休', '用餐', '会议', '培训'], wrapUpSeconds: 30, notReadyResponse: 480 },
  error: null,
  reasonPickerOpen: false,
}));
const set = useAgentStore.setState;

let wrapUpTimer: ReturnType<typeof setTimeout> | null = null;

const record = (state: AgentState): void => {
  const reason = state.kind === 'not-ready' ? state.reason : null;
  void desk().phone.agentStateChanged({ state: state.kind, reason, at: new Date().toISOString() });
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

export const agentConfigured = (config: AgentStoreState['config']): void => set({ config });
export const signedIn = (): boolean => {
  // Signing in is a click: the moment a browser lets us ask for notifications (a ring while the
  // window is behind another shows one).
  if (typeof Notification !== 'undefined' && Notification.permission === 'default')
    void Notification.requestPermission().catch(() => undefined);
  return apply({ type: 'signIn' });
};
export const signedOut = (): boolean => apply({ type: 'signOut' });
export const readySet = (): boolean => apply({ type: 'setReady' });
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
