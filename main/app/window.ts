import { BrowserWindow, session, shell } from 'electron';
import { decidePermission } from '../security/permissions';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './app-origin';

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

export const createMainWindow = (preloadPath: string): BrowserWindow => {
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
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to official https pages (policy sources) open in the system browser, never inside the console.
    if (/^https:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
};
