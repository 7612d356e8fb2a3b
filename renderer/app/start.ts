import { connectDesk } from '../shared/desk/desk-client';
import { loadSettings, settingsChanged } from '../features/settings';
import { appInfoLoaded, linkChanged, startFailed } from './app-store';

/** Wires the transport to the stores; the only place that knows every feature's start-up action. */
export const startConsole = async (): Promise<void> => {
  try {
    const { desk, transport } = connectDesk((status) => {
      linkChanged(status);
      // After a reconnect main may have changed underneath us (another tab saved settings).
      if (status === 'open') void loadSettings();
    });
    if (transport === 'electron') linkChanged('electron');
    desk.on('settings.changed', settingsChanged);
    const info = await desk.app.info();
    if (!info.ok) {
      startFailed(info.error.message);
      return;
    }
    appInfoLoaded(info.value);
    await loadSettings();
  } catch (error) {
    startFailed(error instanceof Error ? error.message : String(error));
  }
};
