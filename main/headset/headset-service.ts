/**
 * The contract's headset namespace: the headset found by `native/devices`, its buttons sent to
 * the renderer as `headset.request` events, the renderer's call state turned into its lights.
 */
import type { DeskHandlers, HeadsetStatus } from '../../preload/contract';
import { type HeadsetStatus as DeviceStatus, createHeadsetManager } from '../../native/devices/headset-manager';
import type { HidBackend } from '../../native/devices/hid-backend';
import { loadNodeHidBackend } from '../../native/devices/node-hid-backend';
import { createReplayBackend } from '../../native/devices/replay-backend';
import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import type { EventBus } from '../shared/event-bus';

export type HeadsetService = DeskHandlers['headset'] & { start(): Promise<void>; stop(): Promise<void> };

/**
 * Which HID stack: a replay folder when `MINSHENG_HEADSET_REPLAY` names one (tests, trying the
 * console without a headset), otherwise node-hid, which may be missing (no system library).
 */
export const chooseHidBackend = async (env: NodeJS.ProcessEnv): Promise<{ backend: HidBackend } | { unavailable: string }> =>
  env.MINSHENG_HEADSET_REPLAY ? { backend: createReplayBackend(env.MINSHENG_HEADSET_REPLAY) } : loadNodeHidBackend();

/** Kept beside the settings rows under its own key, like the phone preferences. */
const CHOSEN_KEY = 'headsetModel';

export const createHeadsetService = (deps: {
  readonly db: DbClient;
  readonly events: EventBus;
  readonly log: Logger;
  readonly backend: () => Promise<{ backend: HidBackend } | { unavailable: string }>;
}): HeadsetService => {
  const { db, events, log } = deps;
  let status: HeadsetStatus = { state: 'none', model: null, detail: null, models: [], chosen: null };
  let manager: ReturnType<typeof createHeadsetManager> | null = null;
  let stopped = false;
  const publish = (next: DeviceStatus): void => {
    status = { ...next, models: [...next.models] };
    events.emit('headset.status', status);
  };
  const storedChoice = async (): Promise<string | null> => {
    const value = (await db.repos.settings.readAll())[CHOSEN_KEY];
    return typeof value === 'string' && value.length > 0 && value.length <= 120 ? value : null;
  };

  return {
    start: async () => {
      const [stack, chosen] = await Promise.all([deps.backend(), storedChoice()]);
      // The console may have closed while the HID stack loaded: then nothing is started.
      if (stopped) return;
      if ('unavailable' in stack) {
        log.info('headset.unavailable', { reason: stack.unavailable });
        publish({ state: 'unavailable', model: null, detail: stack.unavailable, models: [], chosen });
        return;
      }
      manager = createHeadsetManager({
        backend: stack.backend,
        chosen,
        onStatus: publish,
        onRequest: (request) => events.emit('headset.request', { request }),
        // Model names and reasons only: a headset report never carries personal data.
        log: (event, fields) => log.info(event, fields ?? {}),
      });
      manager.start();
    },
    stop: async () => {
      stopped = true;
      await manager?.stop();
      manager = null;
    },
    status: () => status,
    choose: async ({ model }) => {
      await db.repos.settings.writeAll({ [CHOSEN_KEY]: model ?? '' });
      if (manager) manager.choose(model);
      else publish({ ...status, chosen: model });
      return status;
    },
    callState: (lights) => {
      manager?.callStateChanged(lights);
      return { accepted: manager !== null };
    },
  };
};
