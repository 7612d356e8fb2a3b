import WebSocket from 'ws';
import { backoffDelay } from './domain/backoff';
import { type LiveTopic, liveMessageSchema } from './protocol/sync-protocol';

/**
 * The platform's push channel: a "changed" frame makes the engine pull at once. When the channel is
 * down the engine still polls, so this only ever makes sync faster, never required.
 */
export const openLiveChannel = (options: {
  url: string;
  token: () => Promise<string | null>;
  onChanged: (topics: readonly LiveTopic[]) => void;
  /** A wallboard delta, still unparsed: its reader (the lead service) validates it. */
  onWallboard?: (delta: unknown) => void;
  /** The lead answered one of this agent's help requests, still unparsed: the help service validates it. */
  onHelp?: (request: unknown) => void;
  onState?: (up: boolean) => void;
}) => {
  let socket: WebSocket | null = null;
  let attempts = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const connect = async (): Promise<void> => {
    const token = await options.token();
    if (closed || !token) return;
    // The token goes in a header, never in the URL (URLs end up in proxy and server logs).
    const ws = new WebSocket(options.url, { headers: { authorization: `Bearer ${token}` } });
    socket = ws;
    ws.on('open', () => {
      attempts = 0;
      options.onState?.(true);
      // Whatever happened while the channel was down: pull, and look at the queue again.
      options.onChanged(['work_orders', 'internet_items']);
    });
    ws.on('message', (data) => {
      try {
        const message = liveMessageSchema.safeParse(JSON.parse(data.toString()));
        if (!message.success) return;
        if (message.data.type === 'changed') options.onChanged(message.data.streams);
        else if (message.data.type === 'wallboard') options.onWallboard?.(message.data.delta);
        else options.onHelp?.(message.data.request);
      } catch {
        // A frame we do not understand is ignored; polling covers whatever it meant.
      }
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      options.onState?.(false);
      if (closed) return;
      // Capped low: the channel coming back is how the console learns, within seconds, that the platform is back.
      timer = setTimeout(() => void connect(), backoffDelay(attempts++, { baseMs: 500, maxMs: 2_500 }));
    });
  };

  void connect();
  return {
    close: (): void => {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.terminate();
    },
  };
};
