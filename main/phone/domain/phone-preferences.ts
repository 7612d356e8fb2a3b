import { type PhonePreferences, phonePreferencesSchema } from '../../../preload/contract/phone-contract';

export const defaultPhonePreferences: PhonePreferences = {
  notReadyResponse: 480,
  notReadyReasons: ['小休', '用餐', '会议', '培训'],
  wrapUpSeconds: 30,
  autoAnswer: false,
  dtmfMode: 'rfc4733',
  microphoneLabel: '',
  speakerLabel: '',
  ringerLabel: '',
  takeNewHeadset: true,
  emergencyTargets: ['110', '119', '120'],
  shortcuts: {
    answer: 'F2',
    hangup: 'F4',
    hold: 'F6',
    mute: 'F7',
    transfer: 'F8',
    ready: 'F9',
    notReady: 'F10',
  },
};

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
