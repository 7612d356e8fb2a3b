import { type Settings } from '../../../preload/contract';
import { settingsSchema } from '../../../preload/contract/settings-contract';
import { defaultSettings } from './settings-defaults';

export interface SettingsReadResult {
  readonly settings: Settings;
  /** Keys whose stored value no longer validated and were replaced by the default. */
  readonly rejectedKeys: readonly string[];
}

/** Each key is validated on its own so one damaged value never wipes the others. */
export const settingsFromRows = (rows: Readonly<Record<string, unknown>>): SettingsReadResult => {
  const settings: Record<string, unknown> = { ...defaultSettings };
  const rejectedKeys: string[] = [];
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    if (!(key in rows)) continue;
    const parsed = settingsSchema.shape[key].safeParse(rows[key]);
    if (parsed.success) settings[key] = parsed.data;
    else rejectedKeys.push(key);
  }
  return { settings: settings as Settings, rejectedKeys };
};
