import { join } from 'node:path';
import { type BrowserWindow, app, dialog, safeStorage } from 'electron';
import { createLogger } from '../log/logger';
import { assessSecretBackend } from '../secrets/domain/secret-backend';
import { createEncryptedSecretStore } from '../secrets/secret-store';
import { type DeskServices, createDeskServices } from '../services';
import { wrappedDatabaseKey } from '../db/encryption/wrapped-key';
import { connectIpc } from './ipc-bridge';
import { safeStorageKeyWrapper } from './key-wrapper';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, guardSession } from './window';
import { makeProfilePrivate } from '../profile/private-profile';
import { requestedProfileKind, TRAINING_DIR_SUFFIX } from '../profile/profile-kind';

// Security defaults, before anything else runs.
app.enableSandbox();
// Headset buttons arrive as media keys on some models; Chromium must not swallow them for a media session.
app.commandLine.appendSwitch('disable-features', 'HardwareMediaKeyHandling,MediaSessionService');
registerAppScheme();
const profileKind = requestedProfileKind(process.env, process.argv);
if (process.env.MINSHENG_PROFILE) app.setPath('userData', process.env.MINSHENG_PROFILE);
else if (profileKind === 'training') app.setPath('userData', `${app.getPath('userData')}${TRAINING_DIR_SUFFIX}`);

let mainWindow: BrowserWindow | null = null;
let services: DeskServices | null = null;

const start = async (): Promise<void> => {
  const profileDir = app.getPath('userData');
  makeProfilePrivate(profileDir);
  const log = createLogger({ file: join(profileDir, 'logs', 'desk.log') });
  // Asked once: the asynchronous encryptor starts lazily and stays available for the process's life.
  const encryptionAvailable = await safeStorage.isAsyncEncryptionAvailable();
  const secretStatus = () =>
    assessSecretBackend({
      platform: process.platform,
      encryptionAvailable,
      ...(process.platform === 'linux' ? { linuxBackend: safeStorage.getSelectedStorageBackend() } : {}),
    });
  services = await createDeskServices({
    profileDir,
    transport: 'electron',
    profileKind,
    ...(process.env.MINSHENG_TRAINING_SIP_PASSWORD ? { trainingSipPassword: process.env.MINSHENG_TRAINING_SIP_PASSWORD } : {}),
    version: app.getVersion(),
    log,
    databaseKey: wrappedDatabaseKey({ profileDir, wrapper: safeStorageKeyWrapper(secretStatus) }),
    workerScript: join(__dirname, 'db-worker.cjs'),
    chooseKbFile: async () => {
      const options = {
        title: '选择百科文件',
        properties: ['openFile' as const],
        filters: [{ name: 'JSON Lines（每行一个条目）', extensions: ['jsonl', 'ndjson', 'json', 'txt'] }],
      };
      const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    ...(process.env.MINSHENG_SQLITE_BINDING ? { nativeBinding: process.env.MINSHENG_SQLITE_BINDING } : {}),
    secrets: (db) =>
      createEncryptedSecretStore({
        db,
        status: secretStatus,
        cipher: {
          encrypt: (plain) => safeStorage.encryptStringAsync(plain),
          decrypt: async (cipher) => (await safeStorage.decryptStringAsync(Buffer.from(cipher))).result,
        },
      }),
  });
  guardSession();
  serveRenderer(join(__dirname, '..', 'renderer'), services);
  const walls = new Set<Electron.BrowserWindow>();
  mainWindow = createMainWindow(join(__dirname, '..', 'preload', 'preload.cjs'), (wall) => {
    walls.add(wall);
    wall.on('closed', () => walls.delete(wall));
  });
  // The console and its 大屏 windows: the only senders the bridge answers, the only receivers of events.
  connectIpc(services, () => [mainWindow, ...walls].flatMap((window) => (window ? [window.webContents] : [])), log);
  mainWindow.on('closed', () => (mainWindow = null));
};

if (!app.requestSingleInstanceLock()) {
  // A second console on the same PC would register the same extension twice and split the calls.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    void (services?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('民声坐席无法启动', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
