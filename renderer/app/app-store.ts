import { create } from 'zustand';
import type { AppInfo } from '../../preload/contract';
import type { SocketStatus } from '../shared/desk/socket-transport';

export interface AppState {
  readonly info: AppInfo | null;
  readonly link: SocketStatus | 'electron';
  readonly fatal: string | null;
  readonly shortcutHelpOpen: boolean;
}

export const useAppStore = create<AppState>()(() => ({ info: null, link: 'connecting', fatal: null, shortcutHelpOpen: false }));

export const appInfoLoaded = (info: AppInfo): void => useAppStore.setState({ info });
export const linkChanged = (link: AppState['link']): void => useAppStore.setState({ link });
export const startFailed = (reason: string): void => useAppStore.setState({ fatal: reason });
export const shortcutHelpToggled = (open: boolean): void => useAppStore.setState({ shortcutHelpOpen: open });
