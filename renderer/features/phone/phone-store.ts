import { create } from 'zustand';
import type { PhonePreferences, RecentCall } from '../../../preload/contract';
import { markCallRang } from '../../shared/perf-marks';
import type { CallPurpose } from './domain/call-purpose';
import type { CallQuality } from './domain/call-quality';
import type { CallState } from './domain/call-state';
import type { RegistrationState } from './domain/registration';
import type { MonitorMode, MonitorNotice } from '../../../preload/contract/monitor-contract';

/**
 * A monitoring session this console is part of. As the lead: whom, in which mode, whether the
 * agent's console has answered. As the agent: which lead, in which mode, and whether the centre
 * lets the agent see a silent listener.
 */
export type MonitorView =
  | {
      readonly role: 'lead';
      readonly agentId: string;
      readonly mode: MonitorMode;
      readonly phase: 'connecting' | 'active' | 'switching';
    }
  | { readonly role: 'agent'; readonly lead: string; readonly mode: MonitorMode; readonly notice: MonitorNotice };

/** The identity headers of an INVITE, passed on raw: main parses and normalises them. */
export interface IncomingCall {
  readonly id: string;
  readonly from: string;
  readonly pAssertedIdentity?: string;
  readonly privacy?: string;
  readonly receivedAt: number;
  readonly training: boolean;
}

export interface CallView {
  readonly id: string;
  readonly purpose: CallPurpose;
  readonly remoteUser: string;
  /**
   * The number as the caller panel shows it (normalised, masked when confidential or withheld):
   * null for an inbound call until the screen-pop has read its identity.
   */
  readonly shownNumber: string | null;
  readonly state: CallState;
  /** A consultation call placed while the main call is on hold (attended transfer, 三方通话). */
  readonly consult: boolean;
  readonly quality: CallQuality | null;
  /** Inbound audio packets seen since the answer: a dead line is shown, not guessed. */
  readonly audioFlowing: boolean;
}

export interface PhoneState {
  readonly incoming: IncomingCall | null;
  readonly trainingDialogOpen: boolean;
  readonly registration: RegistrationState;
  readonly calls: Readonly<Record<string, CallView>>;
  readonly preferences: PhonePreferences | null;
  readonly notice: string | null;
  readonly protocolErrors: number;
  readonly panel: 'none' | 'dial' | 'transfer' | 'dtmf' | 'history';
  readonly recentCalls: readonly RecentCall[];
  /** Masked numbers of 通话记录 shown in clear after an audited 显示, each for the reveal window only. */
  readonly revealedNumbers: Readonly<Record<string, string>>;
  readonly preferencesOpen: boolean;
  /** 三方通话: the two live calls are mixed together in the console. */
  readonly conference: boolean;
  readonly monitor: MonitorView | null;
  /** A server the page's security policy refused to connect to (the policy was loaded before it was configured). */
  readonly blockedOrigin: { readonly origin: string; readonly afterReload: boolean } | null;
}

export const usePhoneStore = create<PhoneState>()(() => ({
  incoming: null,
  trainingDialogOpen: false,
  registration: { kind: 'idle' },
  calls: {},
  preferences: null,
  notice: null,
  protocolErrors: 0,
  panel: 'none',
  recentCalls: [],
  revealedNumbers: {},
  preferencesOpen: false,
  conference: false,
  monitor: null,
  blockedOrigin: null,
}));

/** The screen-pop read who is calling: the bar shows the same number (null: it could not, show the raw user). */
export const callerIdentified = (callId: string, shownNumber: string | null): void => {
  const call = usePhoneStore.getState().calls[callId];
  if (!call) return;
  usePhoneStore.setState({
    calls: { ...usePhoneStore.getState().calls, [callId]: { ...call, shownNumber: shownNumber ?? call.remoteUser } },
  });
};

/** The page's connect-src refused a server: said in the bar instead of 正在注册… forever. */
export const connectionBlocked = (blocked: PhoneState['blockedOrigin']): void =>
  usePhoneStore.setState({ blockedOrigin: blocked });

export const selectCallsUp = (state: PhoneState): boolean =>
  Object.values(state.calls).some((call) => call.state.kind !== 'ended') || (state.incoming !== null && !state.incoming.training);

/** Any call at all, a training call ringing included: the idle lock waits for all of them. */
export const selectAnyCall = (state: PhoneState): 'none' | 'ringing' | 'talking' => {
  const live = Object.values(state.calls).filter((call) => call.state.kind !== 'ended');
  if (live.some((call) => call.state.kind === 'active' || call.state.kind === 'dialing')) return 'talking';
  return live.length > 0 || state.incoming !== null ? 'ringing' : 'none';
};

/** The call the controls act on: the consultation while one is up, else the live call. */
export const selectFocusedCall = (state: PhoneState): CallView | null => {
  const live = Object.values(state.calls).filter((call) => call.state.kind !== 'ended');
  return live.find((call) => call.consult) ?? live[0] ?? null;
};

export const selectMainCall = (state: PhoneState): CallView | null =>
  Object.values(state.calls).find((call) => !call.consult && call.state.kind !== 'ended') ?? null;

export const selectConsultCall = (state: PhoneState): CallView | null =>
  Object.values(state.calls).find((call) => call.consult && call.state.kind !== 'ended') ?? null;

let sequence = 0;

/**
 * The one entry point for a ringing call that pops the caller's history: the controller calls it
 * for every call that rings, a PBX's or the training engine's. Everything downstream (screen-pop,
 * intake draft) reacts to this state, so a simulated call takes exactly the path of a real one.
 */
export const incomingCallReceived = (call: {
  from: string;
  pAssertedIdentity?: string;
  privacy?: string;
  training: boolean;
  id?: string;
}): void => {
  markCallRang();
  sequence += 1;
  const receivedAt = Date.now();
  usePhoneStore.setState({
    incoming: {
      from: call.from,
      training: call.training,
      ...(call.pAssertedIdentity ? { pAssertedIdentity: call.pAssertedIdentity } : {}),
      ...(call.privacy ? { privacy: call.privacy } : {}),
      // Unique across restarts: a draft is linked to the call by this id.
      id: call.id ?? `training-${receivedAt}-${sequence}`,
      receivedAt,
    },
  });
};

export const incomingCallCleared = (): void => usePhoneStore.setState({ incoming: null });

export const trainingDialogToggled = (open: boolean): void => usePhoneStore.setState({ trainingDialogOpen: open });

export const preferencesToggled = (open: boolean): void => usePhoneStore.setState({ preferencesOpen: open });

export const phonePanelOpened = (panel: PhoneState['panel']): void => usePhoneStore.setState({ panel, notice: null });
