import { connectDesk } from '../shared/desk/desk-client';
import { callLinked, callerNumberKnown, intakeStarted } from '../features/intake';
import { usePhoneStore } from '../features/phone';
import { callRang, useScreenPopStore } from '../features/screen-pop';
import { loadSettings, settingsChanged } from '../features/settings';
import { appInfoLoaded, linkChanged, startFailed } from './app-store';

/** A ringing call, real or training, pops the caller's history: the features meet here, not in each other. */
const connectRingToScreenPop = (): void => {
  usePhoneStore.subscribe((state, previous) => {
    if (state.incoming && state.incoming !== previous.incoming) {
      void callRang(state.incoming);
      void callLinked(state.incoming.id);
    }
  });
  // The caller's number goes into the intake form once known, unless it is masked (confidential).
  useScreenPopStore.subscribe((state, previous) => {
    const number = state.pop?.number;
    if (state.pop !== previous.pop && number && !number.masked && (number.kind === 'mobile' || number.kind === 'landline')) {
      callerNumberKnown(number.display);
    }
  });
};

/** Wires the transport to the stores; the only place that knows every feature's start-up action. */
export const startConsole = async (): Promise<void> => {
  connectRingToScreenPop();
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
    await intakeStarted();
  } catch (error) {
    startFailed(error instanceof Error ? error.message : String(error));
  }
};
