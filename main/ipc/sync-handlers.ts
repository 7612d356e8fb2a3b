import type { DeskHandlers } from '../../preload/contract';
import type { SyncService } from '../sync/sync-service';

export const syncHandlers = (sync: SyncService): DeskHandlers['sync'] => ({
  status: () => sync.status(),
  signIn: ({ password }) => sync.signIn(password),
  syncNow: () => sync.syncNow(),
  quarantined: () => sync.quarantined(),
  release: async ({ itemId }) => ({ released: await sync.release(itemId) }),
});
