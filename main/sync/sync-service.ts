import type { DeskHandlers, SyncStatusView } from '../../preload/contract';
import type { DbClient } from '../db/db-client';
import type { EventBus } from '../shared/event-bus';
import { DeskFailure } from '../shared/desk-failure';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import { type PlatformGrant, formatGrant, parseGrant } from './domain/platform-grant';
import { openLiveChannel } from './live-channel';
import { type PlatformClient, PlatformError, createPlatformClient } from './platform-client';
import { type SyncEngine, type SyncStatus, createSyncEngine, initialSyncStatus } from './sync-engine';

/**
 * The contract's sync namespace, implemented here (a new contract method is written once, in the
 * contract), and the lifecycle services.ts drives.
 */
export type SyncService = DeskHandlers['sync'] & {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A record with an outbox row was just written. */
  nudge(): void;
  /** The signed-in platform's client (null when signed out or unconfigured): for requests that are not sync. */
  platform(): PlatformClient | null;
  access(): Promise<Pick<PlatformGrant, 'role' | 'team'> | null>;
};
export interface SyncServiceOptions {
  readonly db: DbClient;
  readonly settings: SettingsService;
  readonly secrets: SecretStore;
  readonly events: EventBus;
  readonly log: Logger;
  readonly pollMs?: number;
  readonly timeoutMs?: number;
  readonly backoff?: { baseMs: number; maxMs: number };
  readonly onPulled?: (stream: string, callerIds: readonly string[]) => void;
  /** The live channel said the 网络诉求 queue changed. */
  readonly onInternetItemsChanged?: () => void;
  /** A wallboard delta from the live channel (leads and admins receive them), unparsed. */
  readonly onWallboardDelta?: (delta: unknown) => void;
  /** A lead's answer to one of this agent's help requests (求助), unparsed. */
  readonly onHelpAnswer?: (request: unknown) => void;
  /** The live channel is up (again): whatever was said while it was down is asked for. */
  readonly onLiveUp?: () => void;
  /** The password the platform just accepted, for the lock screen to check offline (never stored as such). */
  readonly onSignedIn?: (password: string) => Promise<void>;
}

/** Runs one engine for the configured platform and agent; a settings change starts a new one. */
const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

export const createSyncService = (options: SyncServiceOptions): SyncService => {
  const { db, settings, secrets, events, log } = options;
  let engine: SyncEngine | null = null;
  let live: { close(): void } | null = null;
  let idle: SyncStatusView = initialSyncStatus;

  const publish = (status: SyncStatus | SyncStatusView): void => {
    events.emit('sync.status', status);
  };
  const withStats = async (status: SyncStatusView): Promise<SyncStatusView> => ({
    ...status,
    ...(await db.repos.outbox.stats()),
  });

  let client: PlatformClient | null = null;
  const stopEngine = async (): Promise<void> => {
    client = null;
    live?.close();
    live = null;
    await engine?.stop();
    engine = null;
  };

  /**
   * The token is stored with the origin and the platform that issued it: a changed 平台地址 gets
   * neither the token nor, until the agent signs in there, the waiting items (they used to go to any
   * new address), and an answer from another platform at the same address acknowledges nothing.
   */
  const grantFor = async (platformUrl: string): Promise<PlatformGrant | null> => {
    const stored = await secrets.get('platformToken').catch(() => null);
    if (!stored) return null;
    const grant = parseGrant(stored);
    if (grant && grant.origin === originOf(platformUrl)) return grant;
    await secrets.clear('platformToken').catch(() => undefined);
    log.warn('sync.token-dropped', { reason: grant ? 'platform-changed' : 'old-format' });
    return null;
  };
  const tokenFor = async (platformUrl: string): Promise<string | null> => (await grantFor(platformUrl))?.token ?? null;

  let stopped = false;
  const startEngine = async (): Promise<void> => {
    await stopEngine();
    if (stopped) return;
    const current = await settings.current();
    const grant = current.platformUrl ? await grantFor(current.platformUrl) : null;
    if (!current.platformUrl) idle = await withStats({ ...idle, state: 'unconfigured' });
    else if (!grant) idle = await withStats({ ...idle, state: 'signed-out' });
    else {
      client = createPlatformClient({
        baseUrl: current.platformUrl,
        token: () => tokenFor(current.platformUrl),
        platformId: grant.platformId,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
      engine = createSyncEngine({
        db,
        client,
        log,
        onStatus: publish,
        ...(options.pollMs ? { pollMs: options.pollMs } : {}),
        ...(options.backoff ? { backoff: options.backoff } : {}),
        ...(options.onPulled
          ? {
              onPulled: (stream: string, _applied: number, callerIds: readonly string[]) => options.onPulled?.(stream, callerIds),
            }
          : {}),
      });
      engine.start();
      live = openLiveChannel({
        url: client.liveUrl(),
        token: () => tokenFor(current.platformUrl),
        ...(options.onWallboardDelta ? { onWallboard: options.onWallboardDelta } : {}),
        ...(options.onHelpAnswer ? { onHelp: options.onHelpAnswer } : {}),
        onChanged: (topics) => {
          if (topics.some((topic) => topic !== 'internet_items')) engine?.nudge();
          if (topics.includes('internet_items')) options.onInternetItemsChanged?.();
        },
        // The channel dropping is the first sign the platform is gone (try now, so 离线 shows at once);
        // its coming back, that the platform is back (retry now, not after the backoff).
        onState: (up) => {
          if (up) {
            engine?.platformBack();
            options.onLiveUp?.();
          } else engine?.nudge();
        },
      });
      return;
    }
    publish(idle);
  };

  const current = async (): Promise<SyncStatusView> => (engine ? engine.status() : withStats(idle));

  // Restarts run one after another, and never after stop(): a settings change racing a shutdown
  // must not touch a closed database.
  let restarting: Promise<void> = Promise.resolve();
  const restart = (): Promise<void> => {
    restarting = restarting
      .then(startEngine)
      .catch((error: unknown) => log.error('sync.restart-failed', { error: error instanceof Error ? error.name : 'unknown' }));
    return restarting;
  };

  let unsubscribe: (() => void) | null = null;
  return {
    start: async () => {
      unsubscribe = events.subscribe((event) => {
        if (event === 'settings.changed') void restart();
      });
      await restart();
    },
    stop: async () => {
      stopped = true;
      unsubscribe?.();
      await restarting;
      await stopEngine();
    },
    nudge: () => engine?.nudge(),
    platform: () => client,
    /** The signed-in account's role and team, as the platform said at sign-in; null when not signed in. */
    access: async (): Promise<Pick<PlatformGrant, 'role' | 'team'> | null> => {
      const { platformUrl } = await settings.current();
      const grant = client && platformUrl ? await grantFor(platformUrl) : null;
      return grant ? { role: grant.role, team: grant.team } : null;
    },
    status: current,
    signIn: async ({ password }) => {
      const { platformUrl, agentId, centreCode } = await settings.current();
      if (!platformUrl || !agentId || !centreCode)
        throw new DeskFailure('INVALID_INPUT', '请先在“设置”中填写平台地址、坐席工号和中心代码');
      const client = createPlatformClient({ baseUrl: platformUrl, token: async () => null });
      let station: string;
      try {
        const consoleId = await db.repos.station.consoleId();
        const session = await client.signIn({ agentId, password, centreCode, consoleId });
        station = session.station;
        await db.repos.station.assign(session.station);
        await db.repos.audit.append({
          actor: agentId,
          action: 'sign_in',
          screen: 'sync',
          detail: `station ${session.station}`,
          at: new Date().toISOString(),
        });
        await secrets.set(
          'platformToken',
          formatGrant({
            origin: originOf(platformUrl),
            platformId: session.platformId,
            token: session.token,
            role: session.role,
            team: session.team,
          }),
        );
      } catch (error) {
        if (error instanceof PlatformError)
          throw new DeskFailure(
            error.kind === 'auth' ? 'INVALID_INPUT' : 'INTERNAL',
            error.kind === 'auth' ? '工号、密码或中心代码不正确' : error.message,
          );
        throw error;
      }
      await options.onSignedIn?.(password);
      log.info('sync.signed-in', { station });
      await restart();
      return current();
    },
    syncNow: async () => {
      if (!engine) return current();
      await engine.runOnce().catch(() => {});
      return current();
    },
    quarantined: () => db.repos.outbox.quarantined(200),
    release: async ({ itemId }) => {
      const released = await db.repos.outbox.release(itemId);
      engine?.nudge();
      return { released };
    },
  };
};
