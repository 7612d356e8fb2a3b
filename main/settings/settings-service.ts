import type { DeskHandlers, Settings, SettingsView } from '../../preload/contract';
import type { DbClient } from '../db/db-client';
import type { EventBus } from '../shared/event-bus';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import { settingsFromRows } from './domain/settings-from-rows';

/**
 * The contract's settings namespace, implemented here (a new contract method is written once, in
 * the contract), and the current settings the other services read.
 */
export type SettingsService = DeskHandlers['settings'] & { current(): Promise<Settings> };

export const createSettingsService = (deps: {
  readonly db: DbClient;
  readonly secrets: SecretStore;
  readonly events: EventBus;
  readonly log: Logger;
}): SettingsService => {
  const { db, secrets, events, log } = deps;

  const current = async (): Promise<Settings> => {
    const { settings, rejectedKeys } = settingsFromRows(await db.repos.settings.readAll());
    if (rejectedKeys.length > 0) log.warn('settings.stored-value-rejected', { keys: rejectedKeys.join(',') });
    return settings;
  };

  const view = async (): Promise<SettingsView> => ({
    settings: await current(),
    sipPasswordStored: await secrets.has('sipPassword'),
    platformTokenStored: await secrets.has('platformToken'),
    secretStorage: secrets.status(),
  });

  const changed = async (): Promise<SettingsView> => {
    const next = await view();
    events.emit('settings.changed', next);
    return next;
  };

  const auditSecret = async (detail: string): Promise<void> => {
    await db.repos.audit.append({
      actor: (await current()).agentId || 'unconfigured',
      action: 'settings_changed',
      screen: 'settings',
      detail,
      at: new Date().toISOString(),
    });
  };

  return {
    get: view,
    current,
    save: async (settings) => {
      const actor = settings.agentId || (await current()).agentId || 'unconfigured';
      await db.repos.settings.saveAudited({ ...settings }, { actor, at: new Date().toISOString() });
      log.info('settings.saved', { pbxServers: settings.pbxServers.length, platformConfigured: settings.platformUrl !== '' });
      return changed();
    },
    saveSipPassword: async ({ password }) => {
      await secrets.set('sipPassword', password);
      await auditSecret('sipPassword');
      log.info('settings.sip-secret-stored', { storage: secrets.status().mode });
      return changed();
    },
    clearSipPassword: async () => {
      await secrets.clear('sipPassword');
      await auditSecret('sipPassword:cleared');
      log.info('settings.sip-secret-cleared');
      return changed();
    },
  };
};
