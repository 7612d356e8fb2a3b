import { describe, expect, it } from 'vitest';
import type { DeskApi, Result, SettingsView } from '../../../../../preload/contract';
import { settingsDialogOpened, useSettingsStore } from '../../../../../renderer/features/settings/settings-store';
import { provideDeskForTests } from '../../../../../renderer/shared/desk/desk-client';
import { emptySettingsView } from './empty-settings-view';

const view: SettingsView = emptySettingsView();

describe('settings dialog', () => {
  it('clicked before the settings arrived, it opens as soon as they do instead of ignoring the click', async () => {
    let answer: (result: Result<SettingsView>) => void = () => undefined;
    provideDeskForTests({
      settings: { get: () => new Promise<Result<SettingsView>>((resolve) => (answer = resolve)) },
      lock: { status: () => new Promise(() => undefined) },
    } as unknown as DeskApi);
    useSettingsStore.setState({ view: null, dialogOpen: false });
    settingsDialogOpened();
    expect(useSettingsStore.getState().dialogOpen).toBe(false);
    answer({ ok: true, value: view });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useSettingsStore.getState().dialogOpen).toBe(true);
  });
});
