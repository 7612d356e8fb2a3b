/**
 * A WebSocket hop between the console and Kamailio that a test controls: it forwards SIP frames
 * both ways, and can cut every connection at once (a network blip) or send the console frames
 * Kamailio never would (garbage, broken SIP), as a faulty or hostile server side.
 */
import { WebSocket, WebSocketServer } from 'ws';
import { LAB_HOST, LAB_WS_URL } from './lab';

export interface WsTap {
  readonly url: string;
  /** Drops every connection without a close frame, as when a cable is pulled. */
  cut(): void;
  /** Sends raw frames to every connected console, as if Kamailio had sent them. */
  inject(frames: readonly (string | Buffer)[]): void;
  connections(): number;
  close(): Promise<void>;
}

export const startWsTap = async (port = 8090): Promise<WsTap> => {
  const server = new WebSocketServer({ host: LAB_HOST, port, handleProtocols: () => 'sip' });
  const pairs = new Set<{ client: WebSocket; upstream: WebSocket }>();
  server.on('connection', (client) => {
    const upstream = new WebSocket(LAB_WS_URL, 'sip');
    const pair = { client, upstream };
    pairs.add(pair);
    const pending: (string | Buffer)[] = [];
    upstream.on('open', () => pending.splice(0).forEach((frame) => upstream.send(frame)));
    client.on('message', (data, isBinary) => {
      const frame = isBinary ? (data as Buffer) : data.toString();
      if (upstream.readyState === WebSocket.OPEN) upstream.send(frame);
      else pending.push(frame);
    });
    upstream.on('message', (data, isBinary) => {
      if (client.readyState === WebSocket.OPEN) client.send(isBinary ? (data as Buffer) : data.toString());
    });
    const drop = () => {
      pairs.delete(pair);
      client.terminate();
      upstream.terminate();
    };
    client.on('close', drop);
    upstream.on('close', drop);
    client.on('error', drop);
    upstream.on('error', drop);
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `ws://${LAB_HOST}:${port}`,
    cut: () => {
      for (const pair of pairs) {
        pair.client.terminate();
        pair.upstream.terminate();
      }
      pairs.clear();
    },
    inject: (frames) => {
      for (const { client } of pairs) for (const frame of frames) client.send(frame);
    },
    connections: () => pairs.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) pair.client.terminate();
        server.close(() => resolve());
      }),
  };
};
