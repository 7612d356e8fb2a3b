import { join } from 'node:path';
import type { CallContext, SyncStatusView } from '../../preload/contract';
import type { DeskServices } from '../../main/services';
import { seedPlatformDemo } from '../platform/platform-demo';
import { type PlatformServer, startPlatformServer } from '../platform/platform-server';
import { type PlatformStore, openPlatformStore } from '../platform/platform-store';
import { writeProfileSettings } from './profile-settings';

export { demoOrder } from './demo-order';
import { startTestServices } from './test-services';

export const context: CallContext = { transport: 'test', origin: 'test://' };

export interface TestPlatform {
  readonly store: PlatformStore;
  readonly server: PlatformServer;
  readonly url: string;
  close(): Promise<void>;
}

/** The reference platform in this process, on a free loopback port, with its own SQLite file. */
export const startTestPlatform = async (
  dir: string,
  options: { port?: number; history?: boolean } = {},
): Promise<TestPlatform> => {
  const store = openPlatformStore(join(dir, 'platform.sqlite'));
  seedPlatformDemo(store, { history: options.history ?? false });
  const server = await startPlatformServer(store, options.port ? { port: options.port } : {});
  return {
    store,
    server,
    url: server.url,
    close: async () => {
      await server.close();
      store.close();
    },
  };
};

/** A console profile configured for the platform and signed in as `agentId`. */
export const startSyncedConsole = async (profileDir: string, platformUrl: string, agentId = 'A0001'): Promise<DeskServices> => {
  writeProfileSettings(profileDir, { platformUrl, centreCode: '320505', agentId });
  const services = await startTestServices(profileDir, {
    sync: { pollMs: 60_000, timeoutMs: 2000, backoff: { baseMs: 40, maxMs: 300 } },
  });
  const signedIn = await services.dispatch('sync.signIn', { password: 'demo1234' }, context);
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  // The sign-in is audited: tests start once that entry is with the platform, from an empty outbox
  // (read from the outbox itself: the status shown may still be the one from before the sign-in).
  await waitFor(
    () => services.db.repos.outbox.stats(),
    (stats) => stats.pending === 0,
  );
  return services;
};

export const syncStatus = async (services: DeskServices): Promise<SyncStatusView> => {
  const result = await services.dispatch('sync.status', undefined, context);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as SyncStatusView;
};

/** Polls until `check` holds (sync runs in the background), failing with what was last seen. */
export const waitFor = async <T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(last).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
};
