import type { Settings } from '../../../preload/contract';

/** The embedded default profile: nothing configured, so the UI can say exactly what is missing. */
export const defaultSettings: Settings = {
  pbxServers: [],
  sipExtension: '',
  sipAuthUser: '',
  displayName: '',
  platformUrl: '',
  centreCode: '',
  agentId: '',
};
