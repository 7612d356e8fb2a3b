import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, contract } from './contract';

/**
 * Builds `window.desk` from the contract and nothing else: one function per method, plus `on`.
 * No channel name, no ipcRenderer and no Node object crosses into the page.
 */
const desk: Record<string, unknown> = {};
for (const [namespace, methods] of Object.entries(contract)) {
  const calls: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(methods)) {
    const path = `${namespace}.${name}`;
    calls[name] = (input?: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, path, input);
  }
  desk[namespace] = calls;
}
desk.on = (event: string, listener: (payload: unknown) => void) => {
  const forward = (_: unknown, message: { event: string; payload: unknown }) => {
    if (message.event === event) listener(message.payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
};

contextBridge.exposeInMainWorld('desk', desk);
