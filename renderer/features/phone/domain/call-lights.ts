/**
 * What a headset's lights should say about the calls on screen: ringing while a call rings and
 * none is up; off hook (with mute and hold) while a call is up. Pure, shared with no one but
 * the app's wiring, which sends it to the headset.
 */
import type { CallState } from './call-state';

export interface CallLights {
  readonly ringing: boolean;
  readonly inCall: boolean;
  readonly muted: boolean;
  readonly held: boolean;
}

export const callLights = (states: readonly CallState[]): CallLights => {
  const up = states.filter((state): state is Extract<CallState, { kind: 'active' }> => state.kind === 'active');
  // With a caller held during a consultation, the lights follow the call the agent is talking on.
  const active = up.find((state) => !state.held) ?? up[0];
  return {
    ringing: !active && states.some((state) => state.kind === 'ringing'),
    inCall: Boolean(active),
    muted: active?.muted ?? false,
    held: active?.held ?? false,
  };
};

export const sameLights = (a: CallLights, b: CallLights): boolean =>
  a.ringing === b.ringing && a.inCall === b.inCall && a.muted === b.muted && a.held === b.held;
