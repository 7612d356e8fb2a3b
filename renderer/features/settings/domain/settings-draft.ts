import type { Settings, SettingsView } from '../../../../preload/contract';

/** What the settings form edits: text as typed, one PBX server per line. */
export interface SettingsDraft {
  readonly pbxServers: string;
  readonly sipExtension: string;
  readonly sipAuthUser: string;
  readonly displayName: string;
  readonly sipPassword: string;
  readonly platformUrl: string;
  readonly centreCode: string;
  readonly agentId: string;
  readonly retentionDays: string;
  readonly idleLockMinutes: string;
  readonly fieldCipher: string;
  /** Typed only to change it: the stored PIN is a hash and never comes back. */
  readonly lockPin: string;
}

export type DraftField = keyof SettingsDraft;

export const draftFromView = (view: SettingsView): SettingsDraft => ({
  ...view.settings,
  pbxServers: view.settings.pbxServers.join('\n'),
  retentionDays: String(view.settings.retentionDays),
  idleLockMinutes: String(view.settings.idleLockMinutes),
  sipPassword: '',
  lockPin: '',
});

export const settingsFromDraft = (draft: SettingsDraft): Settings => ({
  pbxServers: draft.pbxServers
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== ''),
  sipExtension: draft.sipExtension.trim(),
  sipAuthUser: draft.sipAuthUser.trim(),
  displayName: draft.displayName.trim(),
  platformUrl: draft.platformUrl.trim(),
  centreCode: draft.centreCode.trim(),
  agentId: draft.agentId.trim(),
  // Not a number (NaN) or out of range: main's schema says what is wrong, on its field.
  retentionDays: Number(draft.retentionDays.trim()),
  idleLockMinutes: Number(draft.idleLockMinutes.trim()),
  // Anything but the two choices is refused on its field by main's schema.
  fieldCipher: draft.fieldCipher as Settings['fieldCipher'],
});

/** Main reports problems by input path (`pbxServers.1`); the form shows them on the field they came from. */
export const fieldErrorsFrom = (fields: readonly { field: string; message: string }[]): Partial<Record<DraftField, string>> => {
  const out: Partial<Record<DraftField, string>> = {};
  for (const { field, message } of fields) {
    const [head, index] = field.split('.');
    const key = head as DraftField;
    const text = head === 'pbxServers' && index !== undefined ? `第 ${Number(index) + 1} 行：${message}` : message;
    out[key] = out[key] ? `${out[key]}；${text}` : text;
  }
  return out;
};
