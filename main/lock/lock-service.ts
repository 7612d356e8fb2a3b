import type { DeskHandlers, LockStatus } from '../../preload/contract';
import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { afterFailure, openThrottle, retryAfterMs, type ThrottleState } from './domain/unlock-throttle';
import { type UnlockVerifier, createVerifier, decodeVerifier, encodeVerifier, matchesVerifier } from './domain/unlock-verifier';

const PIN = 'unlockPinVerifier';
const PLATFORM_PASSWORD = 'platformPasswordVerifier';

export type LockService = DeskHandlers['lock'] & {
  /** Called after a successful platform sign-in: that password then opens the lock, also offline. */
  rememberPlatformPassword(password: string): Promise<void>;
};

/**
 * The idle lock's state lives here, not in the page: reloading the browser shell's tab or the
 * renderer brings the lock screen back. Wrong entries are throttled here for the same reason.
 */
export const createLockService = (deps: {
  readonly db: DbClient;
  readonly settings: Pick<SettingsService, 'current'>;
  readonly log: Logger;
  readonly now?: () => number;
}): LockService => {
  const { db, settings, log } = deps;
  const now = deps.now ?? Date.now;
  let locked = false;
  let throttle: ThrottleState = openThrottle;

  const verifiers = async (): Promise<{ pin: UnlockVerifier | null; platformPassword: UnlockVerifier | null }> => ({
    pin: decodeVerifier(await db.repos.secrets.read(PIN)),
    platformPassword: decodeVerifier(await db.repos.secrets.read(PLATFORM_PASSWORD)),
  });

  const status = async (): Promise<LockStatus> => {
    const { pin, platformPassword } = await verifiers();
    return {
      locked,
      credentials: { pin: pin !== null, platformPassword: platformPassword !== null },
      retryAfterMs: retryAfterMs(throttle, now()),
    };
  };

  const audit = async (action: 'screen_locked' | 'screen_unlocked' | 'unlock_refused' | 'settings_changed', detail: string) =>
    db.repos.audit.append({
      actor: (await settings.current()).agentId || 'unconfigured',
      action,
      screen: 'lock',
      detail,
      at: new Date().toISOString(),
    });

  return {
    status,
    engage: async ({ reason }) => {
      const { pin, platformPassword } = await verifiers();
      // A lock nobody can open would cost the agent the calls of the rest of the shift.
      if (!pin && !platformPassword) return status();
      if (!locked) {
        locked = true;
        await audit('screen_locked', reason);
        log.info('lock.engaged', { reason });
      }
      return status();
    },
    unlock: async ({ secret }) => {
      if (!locked) return { unlocked: true, status: await status() };
      if (retryAfterMs(throttle, now()) > 0) return { unlocked: false, reason: 'throttled', status: await status() };
      const { pin, platformPassword } = await verifiers();
      const opened =
        (pin && (await matchesVerifier(secret, pin)) ? 'pin' : null) ??
        (platformPassword && (await matchesVerifier(secret, platformPassword)) ? 'platform-password' : null);
      if (!opened) {
        throttle = afterFailure(throttle, now());
        await audit('unlock_refused', `failures ${throttle.failures}`);
        log.warn('lock.unlock-refused', { failures: throttle.failures });
        return { unlocked: false, reason: retryAfterMs(throttle, now()) > 0 ? 'throttled' : 'wrong', status: await status() };
      }
      locked = false;
      throttle = openThrottle;
      await audit('screen_unlocked', opened);
      log.info('lock.unlocked', { by: opened });
      return { unlocked: true, status: await status() };
    },
    setPin: async ({ pin }) => {
      await db.repos.secrets.write(PIN, encodeVerifier(await createVerifier(pin)));
      await audit('settings_changed', 'lockPin');
      return status();
    },
    clearPin: async () => {
      await db.repos.secrets.remove(PIN);
      await audit('settings_changed', 'lockPin:cleared');
      return status();
    },
    rememberPlatformPassword: async (password) => {
      await db.repos.secrets.write(PLATFORM_PASSWORD, encodeVerifier(await createVerifier(password)));
    },
  };
};
