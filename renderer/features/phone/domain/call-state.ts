/**
 * One call's life, pure (groundwork for issue #4). The SIP adapter turns sip.js session changes
 * into these events; the result drives the softphone bar and the call record (ring, answer and
 * end times, end cause), which is written at ring and updated at answer and end so a crash
 * mid-call still leaves a record.
 *
 *   ringing ──answer──▶ active ⇄ (hold / resume, mute / unmute)
 *      │                   │
 *   reject / remoteCancel  hangup / remoteHangup / transferred / failed
 *      ▼                   ▼
 *    ended(cause)        ended(cause)
 *   dialing ──remoteAnswered──▶ active;  dialing ──failed / hangup──▶ ended
 */
import type { EndCause } from '../../../../preload/contract';

export type { EndCause };

export type CallState =
  | { readonly kind: 'ringing'; readonly direction: 'inbound'; readonly ringAt: number }
  | { readonly kind: 'dialing'; readonly direction: 'outbound'; readonly ringAt: number }
  | {
      readonly kind: 'active';
      readonly direction: 'inbound' | 'outbound';
      readonly ringAt: number;
      readonly answerAt: number;
      readonly held: boolean;
      readonly muted: boolean;
    }
  | {
      readonly kind: 'ended';
      readonly direction: 'inbound' | 'outbound';
      readonly ringAt: number;
      readonly answerAt: number | null;
      readonly endAt: number;
      readonly cause: EndCause;
      readonly transferTarget: string | null;
    };

export type CallEvent =
  | { readonly type: 'answer'; readonly at: number }
  | { readonly type: 'remoteAnswered'; readonly at: number }
  | { readonly type: 'reject'; readonly at: number }
  | { readonly type: 'hangup'; readonly at: number }
  | { readonly type: 'remoteHangup'; readonly at: number }
  | { readonly type: 'ringTimeout'; readonly at: number }
  | { readonly type: 'hold' }
  | { readonly type: 'resume' }
  | { readonly type: 'mute' }
  | { readonly type: 'unmute' }
  | { readonly type: 'transferred'; readonly at: number; readonly target: string }
  | { readonly type: 'failed'; readonly at: number };

export const incomingCall = (at: number): CallState => ({ kind: 'ringing', direction: 'inbound', ringAt: at });
export const outgoingCall = (at: number): CallState => ({ kind: 'dialing', direction: 'outbound', ringAt: at });

const end = (
  state: Exclude<CallState, { kind: 'ended' }>,
  at: number,
  cause: EndCause,
  transferTarget: string | null = null,
): CallState => ({
  kind: 'ended',
  direction: state.direction,
  ringAt: state.ringAt,
  answerAt: state.kind === 'active' ? state.answerAt : null,
  endAt: at,
  cause,
  transferTarget,
});

/** The next state, or the same state when the event does not apply (a late or duplicate callback). */
export const stepCall = (state: CallState, event: CallEvent): CallState => {
  if (state.kind === 'ended') return state;
  switch (event.type) {
    case 'answer':
      return state.kind === 'ringing'
        ? { kind: 'active', direction: 'inbound', ringAt: state.ringAt, answerAt: event.at, held: false, muted: false }
        : state;
    case 'remoteAnswered':
      return state.kind === 'dialing'
        ? { kind: 'active', direction: 'outbound', ringAt: state.ringAt, answerAt: event.at, held: false, muted: false }
        : state;
    case 'reject':
      return state.kind === 'ringing' ? end(state, event.at, 'rejected') : state;
    case 'ringTimeout':
      return state.kind === 'ringing' ? end(state, event.at, 'missed') : state;
    case 'hangup':
      return end(state, event.at, state.kind === 'active' ? 'agent_hangup' : 'abandoned');
    case 'remoteHangup':
      return end(state, event.at, state.kind === 'active' ? 'caller_hangup' : 'abandoned');
    case 'transferred':
      return state.kind === 'active' ? end(state, event.at, 'transferred', event.target) : state;
    case 'failed':
      return end(state, event.at, 'failed');
    case 'hold':
    case 'resume':
      return state.kind === 'active' ? { ...state, held: event.type === 'hold' } : state;
    case 'mute':
    case 'unmute':
      return state.kind === 'active' ? { ...state, muted: event.type === 'mute' } : state;
  }
};

/** Seconds on the call timer: from the answer, not from the ring. */
export const talkSeconds = (state: CallState, now: number): number => {
  if (state.kind === 'active') return Math.max(0, Math.floor((now - state.answerAt) / 1000));
  if (state.kind === 'ended' && state.answerAt !== null) return Math.max(0, Math.floor((state.endAt - state.answerAt) / 1000));
  return 0;
};
