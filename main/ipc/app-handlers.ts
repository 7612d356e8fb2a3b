import type { AppInfo, DeskHandlers } from '../../preload/contract';

export const appHandlers = (info: AppInfo): DeskHandlers['app'] => ({
  info: () => info,
});
