import { BrowserWindow, session, shell } from 'electron';
import { decidePermission } from '../security/permissions';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './app-origin';
import { windowOpenDecision } from './window-open';

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

export const guardSession = (): void => {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      decidePermission({ permission, requestingOrigin: originOf(details.requestingUrl), appOrigin: APP_ORIGIN, mediaTypes }),
    );
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission({ permission, requestingOrigin: originOf(requestingOrigin), appOrigin: APP_ORIGIN, mediaTypes: ['audio'] }),
  );
  ses.setDevicePermissionHandler((details) => details.deviceType === 'hid' && details.origin === APP_ORIGIN);
};

/** Our own page only, no webviews, no further windows: the same for the console and its 大屏. */
const guardContents = (contents: Electron.WebContents): void => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
};

/**
 * The console's window. `onWallWindow` hears of each 大屏 it opens (the hall's wall display, the same
 * page at ?view=wallboard): the IPC bridge must answer it, and nothing else it could open.
 */
export const createMainWindow = (preloadPath: string, onWallWindow: (wall: BrowserWindow) => void): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '民声坐席',
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // The first ring of the day must sound without a prior click, and a minimised console must still ring.
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
      spellcheck: false,
      // A middle click would otherwise ask for a new window; the open handler denies it, this never asks.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardContents(window.webContents);
  window.webContents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    // Links to official https pages (policy sources) open in the system browser, never inside the console.
    if (decision === 'external') void shell.openExternal(url);
    if (decision !== 'wallboard') return { action: 'deny' };
    return {
      action: 'allow',
      overrideBrowserWindowOptions: {
        title: '12345 话务大屏',
        width: 1920,
        height: 1080,
        autoHideMenuBar: true,
        // webPreferences are the console's own (Electron gives an opened window its opener's): the same
        // preload, sandbox and isolation, and the same sender checks in the IPC bridge.
      },
    };
  });
  window.webContents.on('did-create-window', (wall) => {
    guardContents(wall.webContents);
    wall.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    onWallWindow(wall);
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
};
