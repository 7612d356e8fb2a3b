/**
 * Finds the agent's telephony headset among the HID devices, keeps it open across replugs and
 * joins it to the console: its buttons become requests, the call state becomes its lights.
 * Any vendor: a device is a headset when its report descriptor has a Telephony application
 * collection with a Hook Switch. Nothing a device sends can throw out of here.
 */
import { parseReportDescriptor } from '../hid/descriptor-parser';
import { type CallLights, type HeadsetRequest, type HeadsetSession, createHeadsetSession } from '../hid/headset-session';
import { HidFormatError } from '../hid/hid-error';
import { type TelephonyInterface, headsetInterface } from '../hid/telephony-controls';
import { TELEPHONY_PAGE } from '../hid/usages';
import { type HidBackend, type HidConnection, type HidDeviceInfo, HidOpenError, reasonOf } from './hid-backend';

export interface HeadsetStatus {
  readonly state: 'none' | 'connected' | 'unavailable';
  /** Manufacturer and product as the device names itself, or VID:PID. */
  readonly model: string | null;
  /** Why a headset that is there cannot be used (permission, held by another application). */
  readonly detail: string | null;
  /** The telephony headsets plugged in, by model. */
  readonly models: readonly string[];
  /** The model to use; null: the first telephony headset found. */
  readonly chosen: string | null;
}

export interface HeadsetManager {
  start(): void;
  stop(): Promise<void>;
  callStateChanged(state: CallLights): void;
  /** A model to prefer when several headsets are plugged in (the first one found when it is absent). */
  choose(model: string | null): void;
  status(): HeadsetStatus;
}

export interface HeadsetManagerOptions {
  readonly backend: HidBackend;
  readonly onStatus: (status: HeadsetStatus) => void;
  readonly onRequest: (request: HeadsetRequest) => void;
  readonly log: (event: string, fields?: Record<string, string | number | boolean>) => void;
  readonly pollMs?: number;
  /** A device must stay plugged this long before it is opened: plugging in bounces. */
  readonly settleMs?: number;
  /** After a failed open, the next try waits this long. */
  readonly retryMs?: number;
  readonly now?: () => number;
  readonly chosen?: string | null;
}

const IDLE: CallLights = { ringing: false, inCall: false, muted: false, held: false };
const hex4 = (value: number) => value.toString(16).padStart(4, '0');

export const modelName = (device: HidDeviceInfo): string =>
  [device.manufacturer, device.product].filter((part): part is string => Boolean(part?.trim())).join(' ') ||
  `${hex4(device.vendorId)}:${hex4(device.productId)}`;

interface OpenHeadset {
  readonly device: HidDeviceInfo;
  readonly connection: HidConnection;
  readonly session: HeadsetSession;
}

export const createHeadsetManager = (options: HeadsetManagerOptions): HeadsetManager => {
  const { backend, log } = options;
  const now = options.now ?? (() => Date.now());
  const pollMs = options.pollMs ?? 1_000;
  const settleMs = options.settleMs ?? 2_000;
  const retryMs = options.retryMs ?? 10_000;
  /** Per device path: its telephony interface, or null when it is not a headset (or unreadable). */
  const interfaces = new Map<string, TelephonyInterface | null>();
  /** Telephony devices (by the usage page the OS reports) whose descriptor could not be read, and why. */
  const unreadable = new Map<string, string>();
  let chosen = options.chosen ?? null;
  let models: readonly string[] = [];
  let status: HeadsetStatus = { state: 'none', model: null, detail: null, models, chosen };
  let lights: CallLights = IDLE;
  let open: OpenHeadset | null = null;
  let candidate: { path: string; since: number } | null = null;
  let retryAt = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let polling = false;
  let writes: Promise<void> = Promise.resolve();

  const setStatus = (change: Pick<HeadsetStatus, 'state' | 'model' | 'detail'>): void => {
    const next: HeadsetStatus = { ...change, models, chosen };
    if (
      next.state === status.state &&
      next.model === status.model &&
      next.detail === status.detail &&
      next.chosen === status.chosen &&
      next.models.join('\n') === status.models.join('\n')
    )
      return;
    status = next;
    options.onStatus(status);
  };

  const write = (headset: OpenHeadset, reports: readonly Uint8Array[]): void => {
    for (const report of reports)
      writes = writes
        .then(() => (open === headset ? headset.connection.write(report) : undefined))
        .catch((error: unknown) => log('headset.write-failed', { reason: reasonOf(error, 80) }));
  };

  const telephonyOf = async (device: HidDeviceInfo): Promise<TelephonyInterface | null> => {
    if (interfaces.has(device.path)) return interfaces.get(device.path) ?? null;
    let found: TelephonyInterface | null = null;
    try {
      const parsed = parseReportDescriptor(await backend.reportDescriptor(device));
      found = headsetInterface(parsed);
    } catch (error) {
      const reason = reasonOf(error);
      log('headset.descriptor-unreadable', { model: modelName(device), reason });
      if (device.usagePage === TELEPHONY_PAGE) unreadable.set(device.path, reason);
    }
    interfaces.set(device.path, found);
    return found;
  };

  const lose = async (detail: string): Promise<void> => {
    const headset = open;
    open = null;
    candidate = null;
    if (headset) {
      interfaces.delete(headset.device.path);
      await headset.connection.close().catch(() => undefined);
      log('headset.gone', { model: modelName(headset.device) });
    }
    setStatus({ state: 'none', model: null, detail });
  };

  const connect = async (device: HidDeviceInfo, telephony: TelephonyInterface): Promise<void> => {
    let connection: HidConnection;
    try {
      connection = await backend.open(device);
    } catch (error) {
      retryAt = now() + retryMs;
      const detail = error instanceof HidOpenError ? error.message : '无法打开耳机';
      log('headset.open-failed', { model: modelName(device), kind: error instanceof HidOpenError ? error.kind : 'failed' });
      setStatus({ state: 'unavailable', model: modelName(device), detail });
      return;
    }
    const headset: OpenHeadset = { device, connection, session: createHeadsetSession(telephony) };
    open = headset;
    connection.onReport((report) => {
      if (open !== headset) return;
      try {
        const out = headset.session.onReport(report, now());
        write(headset, out.reports);
        out.requests.forEach((request) => options.onRequest(request));
      } catch (error) {
        // Whatever a device sends, main stays up: a report we cannot read is logged and dropped.
        const reason = error instanceof HidFormatError ? error.message : `unexpected: ${reasonOf(error)}`;
        log('headset.bad-report', { reason: reason.slice(0, 80) });
      }
    });
    connection.onClosed((reason) => {
      if (open === headset) void lose(reason || '耳机已断开');
    });
    // A replugged headset gets the lights of the call that is up, not a blank state.
    headset.session.onCallState(lights, now());
    write(headset, headset.session.currentReports());
    log('headset.connected', { model: modelName(device) });
    setStatus({ state: 'connected', model: modelName(device), detail: null });
  };

  const poll = async (): Promise<void> => {
    if (polling) return;
    polling = true;
    try {
      const devices = await backend.list();
      if (open && !devices.some((device) => device.path === open?.device.path)) await lose('耳机已拔出');
      const headsets: { device: HidDeviceInfo; telephony: TelephonyInterface }[] = [];
      for (const device of devices) {
        const telephony = await telephonyOf(device);
        if (telephony) headsets.push({ device, telephony });
      }
      for (const path of [...interfaces.keys()])
        if (!devices.some((device) => device.path === path)) {
          interfaces.delete(path);
          unreadable.delete(path);
        }
      models = [...new Set(headsets.map(({ device }) => modelName(device)))];
      const headset = headsets.find(({ device }) => chosen !== null && modelName(device) === chosen) ?? headsets[0] ?? null;
      if (open) {
        // The chosen model was plugged in while another one is in use: switch to it.
        if (headset && headset.device.path !== open.device.path && chosen !== null && modelName(headset.device) === chosen)
          await lose('正在切换耳机');
        else {
          setStatus(status);
          return;
        }
      }
      if (!headset) {
        candidate = null;
        // A headset the OS names as telephony but whose descriptor cannot be read (Windows today) is
        // said to be there and unusable, not silently absent.
        const blocked = devices.find((device) => unreadable.has(device.path));
        if (blocked) setStatus({ state: 'unavailable', model: modelName(blocked), detail: unreadable.get(blocked.path) ?? null });
        else if (status.state !== 'none') setStatus({ state: 'none', model: null, detail: status.detail });
        return;
      }
      if (candidate?.path !== headset.device.path) {
        candidate = { path: headset.device.path, since: now() };
        return;
      }
      if (now() - candidate.since < settleMs || now() < retryAt) return;
      await connect(headset.device, headset.telephony);
    } catch (error) {
      log('headset.poll-failed', { reason: reasonOf(error) });
    } finally {
      polling = false;
    }
  };

  return {
    start: () => {
      if (timer) return;
      timer = setInterval(() => void poll(), pollMs);
      void poll();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = null;
      const headset = open;
      open = null;
      await writes;
      if (!headset) return;
      // A console that closes leaves no Ring or Off-Hook light burning on the agent's head.
      for (const report of headset.session.onCallState(IDLE, now()).reports)
        await headset.connection.write(report).catch(() => undefined);
      await headset.connection.close().catch(() => undefined);
    },
    choose: (model) => {
      chosen = model;
      candidate = null;
      setStatus(status);
      void poll();
    },
    callStateChanged: (state) => {
      lights = state;
      if (open) write(open, open.session.onCallState(state, now()).reports);
    },
    status: () => status,
  };
};
