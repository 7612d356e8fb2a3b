import type { PhoneAction, PhonePreferences } from '../../../../preload/contract';

/** What the preferences form edits: every field as typed, numbers and lists still text. */
export interface PreferencesDraft {
  readonly microphoneLabel: string;
  readonly speakerLabel: string;
  readonly ringerLabel: string;
  readonly takeNewHeadset: boolean;
  readonly notReadyReasons: string;
  readonly wrapUpSeconds: string;
  readonly notReadyResponse: '480' | '486';
  readonly autoAnswer: boolean;
  readonly dtmfMode: 'rfc4733' | 'info';
  readonly shortcuts: Readonly<Record<PhoneAction, string>>;
}

export const draftFromPreferences = (prefs: PhonePreferences): PreferencesDraft => ({
  microphoneLabel: prefs.microphoneLabel,
  speakerLabel: prefs.speakerLabel,
  ringerLabel: prefs.ringerLabel,
  takeNewHeadset: prefs.takeNewHeadset,
  notReadyReasons: prefs.notReadyReasons.join('，'),
  wrapUpSeconds: String(prefs.wrapUpSeconds),
  notReadyResponse: String(prefs.notReadyResponse) as '480' | '486',
  autoAnswer: prefs.autoAnswer,
  dtmfMode: prefs.dtmfMode,
  shortcuts: prefs.shortcuts,
});

/** Back to the contract's shape; main validates it (the one set of rules), the form shows what it says. */
export const preferencesFromDraft = (draft: PreferencesDraft, base: PhonePreferences): PhonePreferences => ({
  ...base,
  microphoneLabel: draft.microphoneLabel,
  speakerLabel: draft.speakerLabel,
  ringerLabel: draft.ringerLabel,
  takeNewHeadset: draft.takeNewHeadset,
  notReadyReasons: draft.notReadyReasons
    .split(/[,，、\s]+/)
    .map((reason) => reason.trim())
    .filter((reason) => reason !== ''),
  wrapUpSeconds: /^\d+$/.test(draft.wrapUpSeconds.trim()) ? Number(draft.wrapUpSeconds.trim()) : Number.NaN,
  notReadyResponse: draft.notReadyResponse === '486' ? 486 : 480,
  autoAnswer: draft.autoAnswer,
  dtmfMode: draft.dtmfMode,
  shortcuts: Object.fromEntries(Object.entries(draft.shortcuts).map(([action, shortcut]) => [action, shortcut.trim()])) as Record<
    PhoneAction,
    string
  >,
});

/** The same shortcut bound twice would make one action unreachable. */
export const duplicateShortcut = (shortcuts: Readonly<Record<string, string>>): string | null => {
  const seen = new Set<string>();
  for (const shortcut of Object.values(shortcuts)) {
    if (seen.has(shortcut)) return shortcut;
    seen.add(shortcut);
  }
  return null;
};
