/**
 * What the console needs from a SIP stack, in the console's own terms. The sip.js adapter
 * implements it for real calls, the training engine for 模拟来电; the unit tests drive the
 * controller with a fake. Nothing outside `engine/` ever sees a sip.js type.
 */
import type { CallPurpose } from '../../../../preload/contract';
import type { MonitorMode } from '../../../../preload/contract/monitor-contract';

export interface EngineAccount {
  readonly server: string;
  readonly domain: string;
  readonly extension: string;
  readonly authUser: string;
  readonly password: string;
  readonly displayName: string;
}

export interface EngineCall {
  readonly id: string;
  /**
   * Why the call exists, as far as the engine knows: an INVITE from the PBX is a citizen's, a dial
   * is outbound (the controller makes it a consultation when another call is up), the training
   * engine's calls are training ones.
   */
  readonly purpose: CallPurpose;
  readonly direction: 'inbound' | 'outbound';
  readonly sipCallId: string;
  /** Raw header values, as received: main parses them (PAI wins over From). */
  readonly from: string | null;
  readonly pAssertedIdentity: string | null;
  /** The Privacy header (RFC 3323/3325): `id` means the caller asked for the number to be withheld. */
  readonly privacy: string | null;
  /** The user part of the other side's URI: the number shown and dialled back. */
  readonly remoteUser: string;
  /**
   * The call of ours this one takes over: an INVITE with Replaces (the second half of an attended
   * transfer to us), or the call we place because the far end referred us (we are transferred).
   */
  readonly replacesCallId: string | null;
  /** The scenario a training call plays, from its INVITE; only an engine of a training profile reads it. */
  readonly trainingScenarioId: string | null;
  /** performance.now() when the transport handed over the message that started the call. */
  readonly receivedAt: number;
}

/**
 * A lead's INVITE joining one of our calls (RFC 3911 Join, docs/monitoring.md). The engine has
 * matched the Join to a live call of ours; the token is unchecked: the controller asks main first.
 */
export interface MonitorOffer {
  readonly id: string;
  readonly joinsCallId: string;
  readonly sipCallId: string;
  readonly token: string;
  readonly mode: MonitorMode;
}

/** What the lead's console asks for: the agent's call it joins, the platform's permission, the first mode. */
export interface MonitorDial {
  readonly joinSipCallId: string;
  readonly token: string;
  readonly mode: MonitorMode;
  readonly microphoneId: string | null;
}

export type EngineEndReason = 'local' | 'remote' | 'cancelled' | 'rejected' | 'failed' | 'replaced';

export type EngineEvent =
  | { readonly type: 'transportConnected' }
  | { readonly type: 'transportFailed'; readonly error: string }
  | { readonly type: 'transportLost'; readonly error: string }
  | { readonly type: 'registered' }
  /**
   * A REGISTER, the first or a refresh sip.js sent by itself, did not leave us registered: a final
   * status, or null when none could be read (timeout, unparsable answer, a 200 without our Contact,
   * the binding expired). Retry-After (500/503) in seconds when the registrar gave one.
   */
  | { readonly type: 'registrationFailed'; readonly status: number | null; readonly retryAfterS: number | null }
  | { readonly type: 'incoming'; readonly call: EngineCall }
  /** Never announced as `incoming`: a monitoring leg is no call of the agent's (it gets its `ended`). */
  | { readonly type: 'monitorOffered'; readonly offer: MonitorOffer }
  /** The lead switched mode in the session, and the permission allowed it (answered 200). */
  | { readonly type: 'monitorModeChanged'; readonly callId: string; readonly mode: MonitorMode }
  | { readonly type: 'outgoing'; readonly call: EngineCall }
  | { readonly type: 'progress'; readonly callId: string }
  | { readonly type: 'established'; readonly callId: string }
  | { readonly type: 'ended'; readonly callId: string; readonly reason: EngineEndReason; readonly status: number | null }
  | { readonly type: 'transferResult'; readonly callId: string; readonly ok: boolean; readonly detail: string }
  | { readonly type: 'mediaRestored'; readonly callId: string; readonly ok: boolean }
  | { readonly type: 'protocolError'; readonly detail: string };

/** One reading of a call's media, the raw numbers getStats gives. */
export interface MediaSample {
  readonly at: number;
  readonly bytesReceived: number;
  readonly bytesSent: number;
  readonly packetsReceived: number;
  readonly packetsLost: number;
  readonly jitterSeconds: number;
  readonly roundTripSeconds: number | null;
}

/**
 * Obligations of every implementation, relied on by the controller:
 * - events are delivered asynchronously, never from inside the command that caused them;
 * - each call is announced once (`incoming` or `outgoing`) before any other event about it, and
 *   gets exactly one `ended`, whatever ends it (far end, our command, a failed answer, dispose);
 * - a command on a call that has ended rejects (or, for setMuted, throws) with a Chinese message;
 * - after `dispose({ endCalls: true })` has resolved, no event at all is delivered.
 */
export interface CallEngine {
  /** Opens the transport to one server; resolves or rejects, then reports through events. */
  connect(account: EngineAccount): Promise<void>;
  register(): Promise<void>;
  /**
   * Drops the registerer, and the user agent with its transport unless calls are up (they are kept
   * for a reconnect to the same server) or `endCalls` is set.
   */
  dispose(options?: { endCalls: boolean }): Promise<void>;
  answer(callId: string, microphoneId: string | null): Promise<void>;
  reject(callId: string, status: 403 | 480 | 486 | 603): Promise<void>;
  /**
   * Answers a lead's monitoring INVITE at once with `outgoing` as our media (the mix of caller and
   * agent); a mode switch to anything outside `allowedModes` is answered 403.
   */
  acceptMonitor(callId: string, outgoing: MediaStream, allowedModes: readonly MonitorMode[]): Promise<void>;
  /** The lead's side: an INVITE joining the agent's call; no `outgoing` event, its `established` and `ended` come. */
  dialMonitor(target: string, request: MonitorDial): Promise<string>;
  /** The lead's side: asks the agent's console to switch mode (an in-dialog INFO); rejects when refused. */
  setMonitorMode(callId: string, mode: MonitorMode): Promise<void>;
  hangup(callId: string): Promise<void>;
  setHeld(callId: string, held: boolean): Promise<void>;
  setMuted(callId: string, muted: boolean): void;
  sendDtmf(callId: string, digit: string, mode: 'rfc4733' | 'info'): Promise<void>;
  dial(target: string, microphoneId: string | null): Promise<string>;
  blindTransfer(callId: string, target: string): Promise<void>;
  attendedTransfer(callId: string, consultCallId: string): Promise<void>;
  /** Re-offers media with an ICE restart on the current transport (after a reconnect mid-call). */
  restartMedia(callId: string): Promise<void>;
  replaceMicrophone(callId: string, track: MediaStreamTrack): Promise<void>;
  remoteStream(callId: string): MediaStream | null;
  /** The track the call sends now (the agent's microphone, or a mix put in its place). */
  sentTrack(callId: string): MediaStreamTrack | null;
  sample(callId: string): Promise<MediaSample | null>;
  on(listener: (event: EngineEvent) => void): () => void;
}
