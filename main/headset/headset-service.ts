/**
 * The contract's headset namespace: the headset found by `native/devices`, its buttons sent to
 * the renderer as `headset.request` events, the renderer's call state turned into its lights.
 */
import type { DeskHandlers, HeadsetStatus } from '../../preload/contract';
import { createHeadsetManager } from '../../native/devices/headset-manager';
import type { HidBackend } from '../../native/devices/hid-backend';
import { loadNodeHidBackend } from '../../native/devices/node-hid-backend';
import { createReplayBackend } from '../../native/devices/replay-backend';
import type { Logger } from '../log/logger';
import type { EventBus } from '../shared/event-bus';

export type HeadsetService = DeskHandlers['headset'] & { start(): Promise<void>; stop(): Promise<void> };

/**
 * Which HID stack: a replay folder when `MINSHENG_HEADSET_REPLAY` names one (tests, trying the
 * console without a headset), otherwise node-hid, which may be missing (no system library).
 */
export const chooseHidBackend = async (env: NodeJS.ProcessEnv): Promise<{ backend: HidBackend } | { unavailable: string }> =>
  env.MINSHENG_HEADSET_REPLAY ? { backend: createReplayBackend(env.MINSHENG_HEADSET_REPLAY) } : loadNodeHidBackend();

export const createHeadsetService = (deps: {
  readonly events: EventBus;
  readonly log: Logger;
  readonly backend: () => Promise<{ backend: HidBackend } | { unavailable: string }>;
}): HeadsetService => {
  const { events, log } = deps;
  let status: HeadsetStatus = { state: 'none', model: null, detail: null };
  let manager: ReturnType<typeof createHeadsetManager> | null = null;
  const publish = (next: HeadsetStatus): void => {
    status = next;
    events.emit('headset.status', next);
  };

  return {
    start: async () => {
      const chosen = await deps.backend();
      if ('unavailable' in chosen) {
        log.info('headset.unavailable', { reason: chosen.unavailable });
        publish({ state: 'unavailable', model: null, detail: chosen.unavailable });
        return;
      }
      manager = createHeadsetManager({
        backend: chosen.backend,
        onStatus: publish,
        onRequest: (request) => events.emit('headset.request', { request }),
        // Model names and reasons only: a headset report never carries personal data.
        log: (event, fields) => log.info(event, fields ?? {}),
      });
      manager.start();
    },
    stop: async () => {
      await manager?.stop();
      manager = null;
    },
    status: () => status,
    callState: (lights) => {
      manager?.callStateChanged(lights);
      return { accepted: manager !== null };
    },
  };
};
