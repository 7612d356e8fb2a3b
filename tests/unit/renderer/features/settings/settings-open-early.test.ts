import { describe, expect, it } from 'vitest';
import type { DeskApi, Result, SettingsView } from '../../../../../preload/contract';
import { settingsDialogOpened, useSettingsStore } from '../../../../../renderer/features/settings/settings-store';
import { provideDeskForTests } from '../../../../../renderer/shared/desk/desk-client';

const view: SettingsView = {
  settings: {
    pbxServers: [],
    sipExtension: '',
    sipAuthUser: '',
    displayName: '',
    platformUrl: '',
    centreCode: '',
    agentId: '',
    retentionDays: 180,
  },
  sipPasswordStored: false,
  platformTokenStored: false,
  secretStorage: { mode: 'memory-only', detail: '浏览器模式' },
};

describe('settings dialog', () => {
  it('clicked before the settings arrived, it opens as soon as they do instead of ignoring the click', async () => {
    let answer: (result: Result<SettingsView>) => void = () => undefined;
    provideDeskForTests({
      settings: { get: () => new Promise<Result<SettingsView>>((resolve) => (answer = resolve)) },
    } as unknown as DeskApi);
    useSettingsStore.setState({ view: null, dialogOpen: false });
    settingsDialogOpened();
    expect(useSettingsStore.getState().dialogOpen).toBe(false);
    answer({ ok: true, value: view });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useSettingsStore.getState().dialogOpen).toBe(true);
  });
});
