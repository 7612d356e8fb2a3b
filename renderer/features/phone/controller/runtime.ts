/** What the running phone holds between events; one per console, made by phoneStarted. */
import type { CallRecord, PhoneAccount } from '../../../../preload/contract';
import type { CallEngine, EngineCall, MediaSample } from '../engine/call-engine';
import type { TrainingEngine } from '../engine/training-engine';
import { type Conference } from '../media/conference';
import type { MonitorSession } from './monitoring';
import { type Ringing } from '../media/ringer';
import { usePhoneStore } from '../phone-store';
import type { Disposables } from './disposables';

export interface AgentGate {
  answerForIncomingCall(): { ring: true } | { ring: false; status: 480 | 486 };
  callStarted(): void;
  callEnded(): void;
}

export const MARK_ANSWER_CLICK = 'minsheng:answer-click';
export const MEASURE_FIRST_AUDIO = 'minsheng:first-audio';
export const MEASURE_RING_PAINTED = 'minsheng:ring-painted';
export const MARK_INVITE = 'minsheng:invite-received';
export const MARK_REGISTER = 'minsheng:register-sent';
export const MEASURE_REGISTERED = 'minsheng:registered';

export const set = usePhoneStore.setState;
export const get = usePhoneStore.getState;

export interface Runtime {
  /** The SIP engine and the training engine behind one interface: each call goes to its own. */
  readonly engine: CallEngine;
  readonly training: TrainingEngine;
  readonly gate: AgentGate;
  account: PhoneAccount | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
  ringing: Ringing | null;
  readonly records: Map<string, CallRecord>;
  readonly engineCalls: Map<string, EngineCall>;
  readonly lastSample: Map<string, MediaSample>;
  /** One audio element per call: a held call and a consultation are heard separately, both in 三方通话. */
  readonly players: Map<string, HTMLAudioElement>;
  conference: Conference | null;
  /** A monitoring session this console is in, as the lead or as the monitored agent. */
  monitor: MonitorSession | null;
  devices: MediaDeviceInfo[];
  effects: Promise<void>;
  /** Listeners, timers and waits of this run; phoneStopped disposes them all at once. */
  readonly disposables: Disposables;
  /** Each call's record writes, chained so the end never overtakes the ring on its way to main. */
  readonly recordWrites: Map<string, Promise<void>>;
  /** Calls that outlived a transport loss and need their media re-offered once registered again. */
  readonly mediaToRestore: Set<string>;
}

let runtime: Runtime | null = null;

export const setRuntime = (next: Runtime | null): void => {
  runtime = next;
};

export const currentRuntime = (): Runtime | null => runtime;

export const need = (): Runtime => {
  if (!runtime) throw new Error('phone not started');
  return runtime;
};

export const notice = (text: string | null) => set({ notice: text });
export const failure = (error: unknown) => notice(error instanceof Error ? error.message : String(error));

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
