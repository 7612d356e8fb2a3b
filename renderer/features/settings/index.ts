import './settings.css';
export { SettingsDialog } from './components/SettingsDialog';
export { SettingsNotice } from './components/SettingsNotice';
export { SetupChecklist } from './components/SetupChecklist';
export { pbxReadiness, type PbxReadiness } from './domain/setup-checklist';
export { loadSettings, settingsChanged, settingsDialogOpened, useSettingsStore } from './settings-store';
