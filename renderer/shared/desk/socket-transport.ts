import type { DeskApi, DeskError, Result } from '../../../preload/contract';
import type {
  ShellFileNameHeader,
  ShellKbUploadPath,
  ResultFrame,
  ServerFrame,
  ShellMaxFrameBytes,
  ShellSocketPath,
  ShellTokenParam,
} from '../../../preload/contract/wire';

const SOCKET_PATH: ShellSocketPath = '/desk-socket';
const TOKEN_PARAM: ShellTokenParam = 'token';
const TOKEN_STORAGE_KEY = 'minsheng-desk.shell-token';
const MAX_FRAME_BYTES: ShellMaxFrameBytes = 1_048_576;
const KB_UPLOAD_PATH: ShellKbUploadPath = '/kb-upload';
const FILE_NAME_HEADER: ShellFileNameHeader = 'x-file-name';

const closedError: DeskError = { code: 'TRANSPORT_CLOSED', message: '与本地服务的连接已断开' };

/** The encyclopedia file the agent picked, sent to the shell as it is (a file does not fit a frame). */
export const uploadKbFile = async (origin: string, token: string, file: File): Promise<Result<unknown>> => {
  try {
    const response = await fetch(`${origin}${KB_UPLOAD_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, [FILE_NAME_HEADER]: encodeURIComponent(file.name) },
      body: file,
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: closedError };
  }
};

export type SocketStatus = 'connecting' | 'open' | 'lost';

/**
 * The token arrives in the URL fragment (never sent to the server in HTTP requests); it is moved to
 * sessionStorage and removed from the address bar so it does not end up in screenshots.
 */
export const takeShellToken = (location: Location, storage: Storage, history: History): string | null => {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_STORAGE_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
};

const tooLargeError: DeskError = { code: 'INVALID_INPUT', message: '内容过大（超过 1 MB），未发送；请删减后再试' };

/**
 * The browser shell transport: the same DeskApi as Electron's preload, carried over a WebSocket. The
 * renderer may import only the contract's types, so the API is a Proxy over method paths rather than
 * a copy of the contract.
 */
export const connectSocketDesk = (options: {
  readonly origin: string;
  readonly token: string;
  readonly onStatus: (status: SocketStatus) => void;
}): DeskApi => {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket;
  let retryDelay = 250;

  const open = (): void => {
    options.onStatus('connecting');
    const url = `${options.origin.replace(/^http/, 'ws')}${SOCKET_PATH}?${TOKEN_PARAM}=${encodeURIComponent(options.token)}`;
    socket = new WebSocket(url);
    socket.onopen = () => {
      retryDelay = 250;
      options.onStatus('open');
      for (const frame of queue.splice(0)) socket.send(frame);
    };
    socket.onmessage = (message) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(message.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.kind === 'result') settle(frame);
      else listeners.get(frame.event)?.forEach((listener) => listener(frame.payload));
    };
    socket.onclose = () => {
      options.onStatus('lost');
      for (const resolve of pending.values()) resolve({ ok: false, error: closedError });
      pending.clear();
      setTimeout(open, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 5000);
    };
  };

  const settle = (frame: ResultFrame): void => {
    const resolve = pending.get(frame.id);
    pending.delete(frame.id);
    resolve?.(frame.result as Result<unknown>);
  };

  const call = (method: string, input: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      const frame = JSON.stringify({ kind: 'call', id, method, input });
      // The shell closes a socket that sends more than it accepts: refuse here, with a reason, instead.
      if (frame.length > MAX_FRAME_BYTES / 3 && new TextEncoder().encode(frame).length > MAX_FRAME_BYTES) {
        resolve({ ok: false, error: tooLargeError });
        return;
      }
      pending.set(id, resolve);
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      else queue.push(frame);
    });

  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => void set.delete(listener);
  };

  open();
  return new Proxy({} as DeskApi, {
    get: (_target, namespace) => {
      if (namespace === 'on') return on;
      return new Proxy({}, { get: (_t, name) => (input?: unknown) => call(`${String(namespace)}.${String(name)}`, input) });
    },
  });
};
