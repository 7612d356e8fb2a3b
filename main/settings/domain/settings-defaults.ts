import { IDLE_LOCK_DEFAULT_MINUTES, RETENTION_DEFAULT_DAYS } from '../../../preload/contract/settings-contract';
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
  retentionDays: RETENTION_DEFAULT_DAYS,
  idleLockMinutes: IDLE_LOCK_DEFAULT_MINUTES,
  fieldCipher: 'none',
};
