import { create } from 'zustand';
import { markCallRang } from '../../shared/perf-marks';

/** The identity headers of an INVITE, passed on raw: main parses and normalises them. */
export interface IncomingCall {
  readonly id: string;
  readonly from: string;
  readonly pAssertedIdentity?: string;
  readonly receivedAt: number;
  readonly training: boolean;
}

export interface PhoneState {
  readonly incoming: IncomingCall | null;
  readonly trainingDialogOpen: boolean;
}

export const usePhoneStore = create<PhoneState>()(() => ({ incoming: null, trainingDialogOpen: false }));

let sequence = 0;

/**
 * The one entry point for a ringing call. The SIP engine (issue #4) calls it for every INVITE; the
 * training dialog calls it with typed headers. Everything downstream (screen-pop, ringtone, records)
 * reacts to this state, so a simulated call takes exactly the path of a real one.
 */
export const incomingCallReceived = (call: { from: string; pAssertedIdentity?: string; training: boolean }): void => {
  markCallRang();
  sequence += 1;
  // Unique across restarts: a draft is linked to the call by this id.
  const receivedAt = Date.now();
  usePhoneStore.setState({
    incoming: { ...call, id: `${call.training ? 'training' : 'call'}-${receivedAt}-${sequence}`, receivedAt },
  });
};

export const incomingCallCleared = (): void => usePhoneStore.setState({ incoming: null });

export const trainingDialogToggled = (open: boolean): void => usePhoneStore.setState({ trainingDialogOpen: open });
