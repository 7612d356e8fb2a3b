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
  /**
   * Plays the registrar for the next REGISTERs: each is answered with the given status and headers
   * instead of reaching Kamailio (a registrar in maintenance, a refresh refused). Resolves with the
   * time each answer was sent.
   */
  refuseRegisters(answers: readonly RegisterRefusal[]): void;
  /** When the last refusal went out (performance-independent wall clock), or null. */
  lastRefusalAt(): number | null;
  /** Refusals still queued. */
  pendingRefusals(): number;
  /** REGISTERs that reached Kamailio through the tap so far. */
  registersForwarded(): number;
  close(): Promise<void>;
}

export interface RegisterRefusal {
  readonly status: number;
  readonly reason: string;
  readonly headers?: readonly string[];
}

export interface WsTapOptions {
  readonly port?: number;
  /** Rewrites the expiry Kamailio grants in its 200 to REGISTER, so that a refresh comes within seconds. */
  readonly registerExpiresS?: number;
}

const headerOf = (message: string, ...names: string[]): string => {
  for (const name of names) {
    const match = new RegExp(`^${name}\\s*:\\s*(.+?)\\s*$`, 'im').exec(message);
    if (match) return match[1]!;
  }
  return '';
};

const refusalFor = (register: string, answer: RegisterRefusal): string =>
  [
    `SIP/2.0 ${answer.status} ${answer.reason}`,
    `Via: ${headerOf(register, 'Via', 'v')}`,
    `From: ${headerOf(register, 'From', 'f')}`,
    `To: ${headerOf(register, 'To', 't')};tag=tap-registrar`,
    `Call-ID: ${headerOf(register, 'Call-ID', 'i')}`,
    `CSeq: ${headerOf(register, 'CSeq')}`,
    ...(answer.headers ?? []),
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');

export const startWsTap = async (options: WsTapOptions = {}): Promise<WsTap> => {
  const port = options.port ?? 8090;
  const server = new WebSocketServer({ host: LAB_HOST, port, handleProtocols: () => 'sip' });
  const pairs = new Set<{ client: WebSocket; upstream: WebSocket }>();
  const refusals: RegisterRefusal[] = [];
  let refusedAt: number | null = null;
  let forwarded = 0;
  server.on('connection', (client) => {
    const upstream = new WebSocket(LAB_WS_URL, 'sip');
    const pair = { client, upstream };
    pairs.add(pair);
    const pending: (string | Buffer)[] = [];
    upstream.on('open', () => pending.splice(0).forEach((frame) => upstream.send(frame)));
    client.on('message', (data, isBinary) => {
      const frame = isBinary ? (data as Buffer) : data.toString();
      if (typeof frame === 'string' && frame.startsWith('REGISTER ')) {
        const refusal = refusals.shift();
        if (refusal) {
          client.send(refusalFor(frame, refusal));
          refusedAt = Date.now();
          return;
        }
        forwarded += 1;
      }
      if (upstream.readyState === WebSocket.OPEN) upstream.send(frame);
      else pending.push(frame);
    });
    upstream.on('message', (data, isBinary) => {
      let frame = isBinary ? (data as Buffer) : data.toString();
      if (typeof frame === 'string' && options.registerExpiresS && /^SIP\/2\.0 200/.test(frame) && / REGISTER\r\n/.test(frame))
        frame = frame.replace(/;expires=\d+/g, `;expires=${options.registerExpiresS}`);
      if (client.readyState === WebSocket.OPEN) client.send(frame);
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
    refuseRegisters: (answers) => refusals.push(...answers),
    lastRefusalAt: () => refusedAt,
    pendingRefusals: () => refusals.length,
    registersForwarded: () => forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) pair.client.terminate();
        server.close(() => resolve());
      }),
  };
};
