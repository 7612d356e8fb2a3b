import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, fail } from '../../preload/contract';
import type { Logger } from '../log/logger';
import type { DeskServices } from '../services';
import { APP_ORIGIN, isAppUrl } from './app-origin';

/**
 * Electron transport for the contract: one invoke channel, one event channel. A call is answered only
 * when it comes from the main frame of one of our own windows (the console, its 大屏) showing our own origin.
 */
export const connectIpc = (services: DeskServices, windows: () => readonly WebContents[], log: Logger): void => {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const trusted = windows().includes(event.sender) && frame !== null && frame.parent === null && isAppUrl(frame.url);
    if (!trusted) {
      log.warn('ipc.sender-refused');
      return fail('FORBIDDEN_SENDER', '拒绝来自未知页面的调用');
    }
    return services.dispatch(method, input, { transport: 'electron', origin: APP_ORIGIN });
  });
  services.events.subscribe((event, payload) => {
    for (const target of windows()) if (!target.isDestroyed()) target.send(EVENT_CHANNEL, { event, payload });
  });
};
