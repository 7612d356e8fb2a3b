import { type Socket, connect } from 'node:net';
import type { Acd, QueueEvent } from './acd';
import { netstringReader, parseKamailioEvent } from './kamailio-events';

/**
 * The lab's Kamailio as the centre's ACD: availability goes in over JSON-RPC (htable acd_ready),
 * queue events come out over evapi. The feed reconnects by itself (Kamailio restarted, say); events
 * while it is down are lost to the wallboard, which shows the feed as down meanwhile.
 */
export const kamailioAcd = (options: {
  rpcUrl: string;
  events: { host: string; port: number };
  onInvalidEvent?: (error: string) => void;
}): Acd => {
  const listeners = new Set<(event: QueueEvent) => void>();
  let socket: Socket | null = null;
  let up = false;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const open = (): void => {
    const read = netstringReader();
    const current = connect(options.events);
    socket = current;
    current.on('connect', () => (up = true));
    current.on('data', (chunk: Buffer) => {
      let payloads: string[];
      try {
        payloads = read(chunk);
      } catch (error) {
        options.onInvalidEvent?.(error instanceof Error ? error.message : 'bad frame');
        current.destroy();
        return;
      }
      for (const payload of payloads) {
        const parsed = parseKamailioEvent(payload);
        if (!parsed.ok) options.onInvalidEvent?.(parsed.error);
        else for (const listener of listeners) listener(parsed.event);
      }
    });
    current.on('error', () => undefined);
    current.on('close', () => {
      up = false;
      if (!closed) retry = setTimeout(open, 300);
    });
  };
  open();

  const rpc = async (method: string, params: unknown[]): Promise<void> => {
    const response = await fetch(options.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
    });
    const body = (await response.json()) as { error?: { message?: string } };
    // Deleting an agent that is not in the table is what we wanted anyway.
    if (body.error && !(method === 'htable.delete' && /not found|No such/i.test(body.error.message ?? '')))
      throw new Error(`ACD ${method}: ${body.error.message ?? 'error'}`);
  };

  return {
    setAvailability: (extension, availability) =>
      availability.available
        ? rpc('htable.seti', ['acd_ready', extension, availability.turn])
        : rpc('htable.delete', ['acd_ready', extension]),
    onQueueEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connected: () => up,
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      socket?.destroy();
    },
  };
};
