import { create } from 'zustand';
import type { LockStatus, SettingsView } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';
import { t } from '../../shared/i18n/t';
import { saveDownload } from '../../shared/save-download';
import { type DraftField, type SettingsDraft, draftFromView, fieldErrorsFrom, settingsFromDraft } from './domain/settings-draft';

export interface SettingsState {
  readonly view: SettingsView | null;
  readonly dialogOpen: boolean;
  readonly draft: SettingsDraft | null;
  readonly saving: boolean;
  readonly fieldErrors: Partial<Record<DraftField, string>>;
  readonly notice: { readonly kind: 'ok' | 'error'; readonly text: string } | null;
  readonly diagnostics: { readonly state: 'exporting' | 'done' | 'failed'; readonly text: string } | null;
  /** What opens the idle lock, for the PIN field's hint; refreshed each time the dialog opens. */
  readonly lock: LockStatus | null;
}

const initial: SettingsState = {
  view: null,
  dialogOpen: false,
  draft: null,
  saving: false,
  fieldErrors: {},
  notice: null,
  diagnostics: null,
  lock: null,
};

export const useSettingsStore = create<SettingsState>()(() => initial);

const set = useSettingsStore.setState;
const get = useSettingsStore.getState;

export const settingsChanged = (view: SettingsView): void => set({ view });

export const loadSettings = async (): Promise<void> => {
  const result = await desk().settings.get();
  if (result.ok) settingsChanged(result.value);
  else set({ notice: { kind: 'error', text: result.error.message } });
};

const openWith = (view: SettingsView): void => {
  set({ dialogOpen: true, draft: draftFromView(view), fieldErrors: {}, notice: null });
  void desk()
    .lock.status()
    .then((result) => {
      if (result.ok) set({ lock: result.value });
    });
};

export const settingsDialogOpened = (): void => {
  const { view } = get();
  if (view) {
    openWith(view);
    return;
  }
  // Clicked in the moment between the console appearing and its settings arriving: a click that
  // silently did nothing would be clicked again and again; open as soon as they are here.
  void loadSettings().then(() => {
    const loaded = get().view;
    if (loaded) openWith(loaded);
  });
};

export const settingsDialogClosed = (): void => set({ dialogOpen: false, draft: null, fieldErrors: {}, diagnostics: null });

export const diagnosticsExported = async (): Promise<void> => {
  if (get().diagnostics?.state === 'exporting') return;
  set({ diagnostics: { state: 'exporting', text: t('settings.diagnostics.exporting') } });
  const result = await desk().diagnostics.export();
  if (!result.ok) {
    set({ diagnostics: { state: 'failed', text: t('settings.diagnostics.failed', { reason: result.error.message }) } });
    return;
  }
  const { fileName, zipBase64, files, redactions } = result.value;
  saveDownload(fileName, zipBase64, 'application/zip');
  set({
    diagnostics: {
      state: 'done',
      text: t('settings.diagnostics.done', { fileName, files: String(files.length), redactions: String(redactions) }),
    },
  });
};

export const draftEdited = (field: DraftField, value: string): void => {
  const { draft, fieldErrors } = get();
  if (!draft) return;
  const { [field]: _cleared, ...rest } = fieldErrors;
  set({ draft: { ...draft, [field]: value }, fieldErrors: rest });
};

export const settingsSubmitted = async (): Promise<void> => {
  const { draft } = get();
  if (!draft || get().saving) return;
  set({ saving: true, notice: null });
  try {
    const saved = await desk().settings.save(settingsFromDraft(draft));
    if (!saved.ok) {
      set({
        fieldErrors: fieldErrorsFrom(saved.error.fields ?? []),
        notice: { kind: 'error', text: t('settings.error.summary') },
      });
      return;
    }
    settingsChanged(saved.value);
    if (draft.sipPassword !== '') {
      const stored = await desk().settings.saveSipPassword({ password: draft.sipPassword });
      if (!stored.ok) {
        set({
          draft: { ...draft, sipPassword: '' },
          notice: { kind: 'error', text: t('settings.error.secret', { reason: stored.error.message }) },
        });
        return;
      }
      settingsChanged(stored.value);
    }
    if (draft.lockPin !== '') {
      const pinned = await desk().lock.setPin({ pin: draft.lockPin });
      if (!pinned.ok) {
        set({
          draft: { ...draft, lockPin: '' },
          fieldErrors: fieldErrorsFrom((pinned.error.fields ?? []).map(({ message }) => ({ field: 'lockPin', message }))),
          notice: { kind: 'error', text: t('settings.error.lockPin', { reason: pinned.error.message }) },
        });
        return;
      }
      set({ lock: pinned.value });
    }
    set({ dialogOpen: false, draft: null, notice: { kind: 'ok', text: t('settings.saved') } });
  } finally {
    set({ saving: false });
  }
};

export const sipPasswordCleared = async (): Promise<void> => {
  const result = await desk().settings.clearSipPassword();
  if (result.ok) settingsChanged(result.value);
  else set({ notice: { kind: 'error', text: result.error.message } });
};

export const lockPinCleared = async (): Promise<void> => {
  const result = await desk().lock.clearPin();
  if (result.ok) set({ lock: result.value });
  else set({ notice: { kind: 'error', text: result.error.message } });
};
