import type { SettingsView } from '../../../../../preload/contract';

/** What the renderer receives from a fresh profile in the browser shell: nothing configured. */
export const emptySettingsView = (detail = '浏览器模式'): SettingsView => ({
  settings: {
    pbxServers: [],
    sipExtension: '',
    sipAuthUser: '',
    displayName: '',
    platformUrl: '',
    centreCode: '',
    agentId: '',
    retentionDays: 180,
    idleLockMinutes: 10,
    fieldCipher: 'none',
  },
  sipPasswordStored: false,
  platformTokenStored: false,
  secretStorage: { mode: 'memory-only', detail },
});
