import type { DeskHandlers } from '../../preload/contract';
import type { SettingsService } from '../settings/settings-service';

export const settingsHandlers = (settings: SettingsService): DeskHandlers['settings'] => ({
  get: () => settings.view(),
  save: (input) => settings.save(input),
  saveSipPassword: ({ password }) => settings.saveSipPassword(password),
  clearSipPassword: () => settings.clearSipPassword(),
});
