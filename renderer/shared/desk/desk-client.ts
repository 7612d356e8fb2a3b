import type { DeskApi, KbImportReport, Result } from '../../../preload/contract';
import { type SocketStatus, connectSocketDesk, takeShellToken, uploadKbFile } from './socket-transport';

declare global {
  interface Window {
    readonly desk?: DeskApi;
  }
}

export type DeskTransport = 'electron' | 'browser-shell';

let current: DeskApi | null = null;
let transport: DeskTransport | null = null;
let shellToken: string | null = null;

/** Chosen once at start: the preload's `window.desk` in Electron, else the shell's WebSocket. */
export const connectDesk = (onSocketStatus: (status: SocketStatus) => void): { desk: DeskApi; transport: DeskTransport } => {
  if (window.desk) {
    current = window.desk;
    transport = 'electron';
    return { desk: current, transport };
  }
  const token = takeShellToken(window.location, window.sessionStorage, window.history);
  if (!token) throw new Error('缺少浏览器模式的访问令牌：请使用启动时打印的完整地址打开。');
  current = connectSocketDesk({ origin: window.location.origin, token, onStatus: onSocketStatus });
  transport = 'browser-shell';
  shellToken = token;
  return { desk: current, transport };
};

/** Electron picks files in main's dialog; the browser shell's page picks them itself and uploads. */
export const deskTransport = (): DeskTransport | null => transport;

export const uploadKbFileToShell = (file: File): Promise<Result<KbImportReport>> =>
  uploadKbFile(window.location.origin, shellToken ?? '', file) as Promise<Result<KbImportReport>>;

/** For feature stores: their actions run outside React and reach main through this. */
export const desk = (): DeskApi => {
  if (!current) throw new Error('desk used before connectDesk()');
  return current;
};

export const provideDeskForTests = (api: DeskApi): void => {
  current = api;
};
