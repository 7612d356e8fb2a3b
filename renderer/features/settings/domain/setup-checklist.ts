import type { SettingsView } from '../../../../preload/contract';

export type SetupItem = 'pbxServers' | 'sipExtension' | 'sipPassword' | 'platformUrl' | 'centreCode' | 'agentId';

/**
 * What an agent still has to configure before the console can take calls and sync, in setup order.
 * A training profile never syncs: it needs no platform address.
 */
export const missingSetup = (view: SettingsView, options: { needsPlatform: boolean } = { needsPlatform: true }): SetupItem[] => {
  const { settings } = view;
  const missing: SetupItem[] = [];
  if (settings.pbxServers.length === 0) missing.push('pbxServers');
  if (settings.sipExtension === '') missing.push('sipExtension');
  if (!view.sipPasswordStored) missing.push('sipPassword');
  if (options.needsPlatform && settings.platformUrl === '') missing.push('platformUrl');
  if (settings.centreCode === '') missing.push('centreCode');
  if (settings.agentId === '') missing.push('agentId');
  return missing;
};

export type PbxReadiness = 'unconfigured' | 'incomplete' | 'ready';

export const pbxReadiness = (view: SettingsView | null): PbxReadiness => {
  if (!view || view.settings.pbxServers.length === 0) return 'unconfigured';
  if (view.settings.sipExtension === '' || !view.sipPasswordStored) return 'incomplete';
  return 'ready';
};
