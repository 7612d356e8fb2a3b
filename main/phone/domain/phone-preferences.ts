import { type PhonePreferences, defaultPhonePreferences, phonePreferencesSchema } from '../../../preload/contract/phone-contract';

export { defaultPhonePreferences };

/** A stored value that no longer validates (older version, hand-edited) falls back field by field. */
export const phonePreferencesFrom = (stored: unknown): PhonePreferences => {
  if (typeof stored !== 'object' || stored === null) return defaultPhonePreferences;
  const merged: Record<string, unknown> = { ...defaultPhonePreferences };
  for (const key of Object.keys(defaultPhonePreferences) as (keyof PhonePreferences)[]) {
    const parsed = phonePreferencesSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged as PhonePreferences;
};
