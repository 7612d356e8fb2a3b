/**
 * The rules a telephony headset needs, between its reports and the console's call state. Pure:
 * the device layer feeds it reports and times and writes the reports it returns.
 *
 * - A mute press is a request: the Mute LED answers it at once (the device otherwise times out and
 *   resets its own mute state), then the console's state confirms or corrects it.
 * - Going off hook comes before muting (Mute is only lit while Off-Hook is).
 * - After the host changes Off-Hook (a call answered or ended on screen) a toggling headset echoes
 *   the hook switch as a press; hook presses in the next 500 ms are that echo, not the agent.
 */
import { type HeadsetEvent, createInputDecoder } from './input-decoder';
import { type HeadsetLights, LIGHTS_OFF, encodeOutputReports } from './output-encoder';
import type { TelephonyInterface } from './telephony-controls';

export const HOOK_ECHO_MS = 500;

export type HeadsetRequest = 'answer' | 'hangup' | 'toggleMute' | 'toggleHold';

export interface CallLights {
  /** A call rings and none is up. */
  readonly ringing: boolean;
  /** A call is up (active or held). */
  readonly inCall: boolean;
  readonly muted: boolean;
  readonly held: boolean;
}

export interface SessionOutput {
  readonly requests: readonly HeadsetRequest[];
  /** Output reports to write now, in order. */
  readonly reports: readonly Uint8Array[];
}

export interface HeadsetSession {
  onReport(report: Uint8Array, now: number): SessionOutput;
  onCallState(state: CallLights, now: number): SessionOutput;
  /** The lights as last sent: written again after a replug. */
  currentReports(): Uint8Array[];
}

const lightsFor = (state: CallLights): HeadsetLights => ({
  ringing: state.ringing,
  offHook: state.inCall,
  muted: state.inCall && state.muted,
  held: state.inCall && state.held,
});

export const createHeadsetSession = (telephony: TelephonyInterface): HeadsetSession => {
  const decoder = createInputDecoder(telephony);
  let call: CallLights = { ringing: false, inCall: false, muted: false, held: false };
  let lights: HeadsetLights = LIGHTS_OFF;
  let hostHookChangedAt = Number.NEGATIVE_INFINITY;

  const send = (next: HeadsetLights): Uint8Array[] => {
    lights = next;
    return encodeOutputReports(telephony, lights);
  };

  const requestFor = (event: HeadsetEvent, now: number): HeadsetRequest | null => {
    if (event.type === 'hook') {
      // A toggling hook echoes the host's change as a press: within the window it is not the agent,
      // and the decoder goes back to the host's state. An absolute hook reports a state, which is
      // only an echo when it agrees with the host (and then changes nothing).
      if (event.toggle && now - hostHookChangedAt < HOOK_ECHO_MS) {
        decoder.hostHook(call.inCall);
        return null;
      }
      if (event.offHook && call.ringing && !call.inCall) return 'answer';
      if (!event.offHook && call.inCall) return 'hangup';
      return null;
    }
    if (!call.inCall) return null;
    switch (event.button) {
      case 'phoneMute':
        return 'toggleMute';
      case 'drop':
        return 'hangup';
      case 'flash':
        return 'toggleHold';
      default:
        return null;
    }
  };

  return {
    onReport: (report, now) => {
      const events = decoder.decode(report);
      const requests: HeadsetRequest[] = [];
      for (const event of events) {
        const request = requestFor(event, now);
        if (!request) continue;
        requests.push(request);
        // The console's answer or hang-up follows a moment later; a hook going back before it
        // arrives must still be read against the call the agent just took (or left).
        if (request === 'answer') call = { ...call, ringing: false, inCall: true };
        if (request === 'hangup') call = { ...call, inCall: false, muted: false, held: false };
      }
      if (requests.includes('toggleMute')) return { requests, reports: send({ ...lights, muted: !lights.muted }) };
      // A press we did not act on (mute with no call, a hook echo) may have changed the device's own
      // lights or mute state: answer with ours so it does not drift from the screen.
      const ignored = events.length > requests.length;
      return { requests, reports: ignored ? send(lights) : [] };
    },
    onCallState: (state, now) => {
      if (state.inCall !== call.inCall) {
        hostHookChangedAt = now;
        decoder.hostHook(state.inCall);
      }
      call = state;
      const next = lightsFor(state);
      const same =
        next.ringing === lights.ringing &&
        next.offHook === lights.offHook &&
        next.muted === lights.muted &&
        next.held === lights.held;
      if (same) return { requests: [], reports: [] };
      if (next.muted && !lights.offHook && next.offHook)
        // Off-Hook first, then Mute: some headsets ignore a Mute that arrives with the Off-Hook.
        return { requests: [], reports: [...send({ ...next, muted: false }), ...send(next)] };
      return { requests: [], reports: send(next) };
    },
    currentReports: () => encodeOutputReports(telephony, lights),
  };
};
