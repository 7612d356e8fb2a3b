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
  // Shortcuts key by key: a version that adds an action must not throw away the agent's own keys.
  const storedShortcuts = (stored as { shortcuts?: unknown }).shortcuts;
  if (typeof storedShortcuts === 'object' && storedShortcuts !== null) {
    const shortcuts: Record<string, string> = { ...defaultPhonePreferences.shortcuts };
    for (const [action, schema] of Object.entries(phonePreferencesSchema.shape.shortcuts.shape)) {
      const parsed = schema.safeParse((storedShortcuts as Record<string, unknown>)[action]);
      if (parsed.success) shortcuts[action] = parsed.data;
    }
    merged.shortcuts = shortcuts;
  }
  return merged as PhonePreferences;
};
