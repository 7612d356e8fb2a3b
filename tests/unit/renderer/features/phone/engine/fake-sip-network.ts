/**
 * An in-memory SIP network for the engine's unit tests: real sip.js UserAgents talk through it as
 * they would through a WebSocket to a PBX. It routes requests by the user of the Request-URI
 * (an address of record or a Contact) and responses by the top Via's host, and answers REGISTER
 * itself like a registrar whose next answers a test can script (a refused refresh, say).
 */
import { EmitterImpl, type Transport, TransportState } from 'sip.js';
import type { SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';

const networks = new Map<string, FakeSipNetwork>();

interface Parsed {
  readonly startLine: string;
  readonly headers: readonly [string, string][];
  readonly body: string;
}

const parse = (message: string): Parsed => {
  const split = message.indexOf('\r\n\r\n');
  const head = split < 0 ? message : message.slice(0, split);
  const [startLine = '', ...lines] = head.split('\r\n');
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  });
  return { startLine, headers, body: split < 0 ? '' : message.slice(split + 4) };
};

const header = (parsed: Parsed, name: string): string => parsed.headers.find(([key]) => key === name)?.[1] ?? '';
const userIn = (uri: string): string => /sips?:([^@;>]+)@/.exec(uri)?.[1] ?? '';
const viaHost = (via: string): string => /^SIP\/2\.0\/\S+\s+([^;:\s]+)/.exec(via)?.[1] ?? '';

export type RegistrarAnswer =
  { readonly status: 200; readonly expiresS: number } | { readonly status: number; readonly retryAfterS?: number };

export class FakeSipNetwork {
  readonly url: string;
  private readonly byUser = new Map<string, FakeTransport>();
  private readonly byViaHost = new Map<string, FakeTransport>();
  /** What the registrar answers next, one per REGISTER; once empty, 200 with `expiresS`. */
  readonly registrarScript: RegistrarAnswer[] = [];
  expiresS = 300;
  /** Every message's first line, in order, as seen on the wire. */
  readonly wire: string[] = [];

  constructor(name: string) {
    this.url = `wss://${name}.fake/ws`;
    networks.set(this.url, this);
  }

  static of(url: string): FakeSipNetwork {
    const network = networks.get(url);
    if (!network) throw new Error(`no fake SIP network at ${url}`);
    return network;
  }

  dispose(): void {
    networks.delete(this.url);
  }

  registers(): number {
    return this.wire.filter((line) => line.startsWith('REGISTER ')).length;
  }

  attach(transport: FakeTransport, user: string | null): void {
    if (user) this.byUser.set(user, transport);
  }

  detach(transport: FakeTransport): void {
    for (const [key, value] of this.byUser) if (value === transport) this.byUser.delete(key);
    for (const [key, value] of this.byViaHost) if (value === transport) this.byViaHost.delete(key);
  }

  /** Drops every connection at once, as a PBX restart or a pulled network cable would. */
  cut(): void {
    for (const transport of new Set(this.byUser.values())) transport.lose();
  }

  deliver(from: FakeTransport, message: string): void {
    const parsed = parse(message);
    this.wire.push(parsed.startLine);
    if (parsed.startLine.startsWith('SIP/2.0 ')) {
      const target = this.byViaHost.get(viaHost(header(parsed, 'via')));
      target?.receive(message);
      return;
    }
    this.byViaHost.set(viaHost(header(parsed, 'via')), from);
    if (parsed.startLine.startsWith('REGISTER ')) {
      this.register(from, parsed);
      return;
    }
    const target = this.byUser.get(userIn(parsed.startLine));
    if (target) target.receive(message);
    else if (!parsed.startLine.startsWith('ACK ')) from.receive(this.response(parsed, 404, 'Not Found'));
  }

  private register(from: FakeTransport, parsed: Parsed): void {
    const answer = this.registrarScript.shift() ?? { status: 200, expiresS: this.expiresS };
    if (answer.status !== 200) {
      const retry = 'retryAfterS' in answer && answer.retryAfterS !== undefined ? [`Retry-After: ${answer.retryAfterS}`] : [];
      from.receive(this.response(parsed, answer.status, 'Refused', retry));
      return;
    }
    const contact = header(parsed, 'contact');
    // Calls reach the console by its extension (From) and, inside a dialog, by its Contact.
    this.attach(from, userIn(header(parsed, 'from')));
    this.attach(from, userIn(contact));
    const expires = 'expiresS' in answer ? answer.expiresS : this.expiresS;
    from.receive(this.response(parsed, 200, 'OK', [`Contact: ${contact.replace(/;expires=\d+/, '')};expires=${expires}`]));
  }

  private response(request: Parsed, status: number, reason: string, extra: string[] = []): string {
    const to = header(request, 'to');
    return [
      `SIP/2.0 ${status} ${reason}`,
      `Via: ${header(request, 'via')}`,
      `From: ${header(request, 'from')}`,
      `To: ${/;tag=/.test(to) ? to : `${to};tag=registrar${status}`}`,
      `Call-ID: ${header(request, 'call-id')}`,
      `CSeq: ${header(request, 'cseq')}`,
      ...extra,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  }
}

/** A sip.js Transport over the fake network; `transportOptions.server` names the network. */
export class FakeTransport implements Transport {
  readonly protocol = 'WSS';
  readonly stateChange = new EmitterImpl<TransportState>();
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  private current = TransportState.Disconnected;
  private readonly network: FakeSipNetwork;
  private readonly user: string | null;

  constructor(_logger: unknown, options: { server: string; user?: string }) {
    this.network = FakeSipNetwork.of(options.server);
    this.user = options.user ?? null;
  }

  get state(): TransportState {
    return this.current;
  }

  private transition(state: TransportState): void {
    this.current = state;
    this.stateChange.emit(state);
  }

  async connect(): Promise<void> {
    this.transition(TransportState.Connecting);
    this.network.attach(this, this.user);
    this.transition(TransportState.Connected);
    this.onConnect?.();
  }

  async disconnect(): Promise<void> {
    this.network.detach(this);
    if (this.current === TransportState.Disconnected) return;
    this.transition(TransportState.Disconnected);
    this.onDisconnect?.();
  }

  async dispose(): Promise<void> {
    await this.disconnect();
  }

  isConnected(): boolean {
    return this.current === TransportState.Connected;
  }

  async send(message: string): Promise<void> {
    if (!this.isConnected()) throw new Error('not connected');
    // Asynchronous, as a socket is: sip.js must never see its own message come back in the same tick.
    setTimeout(() => this.network.deliver(this, message), 0);
  }

  receive(message: string): void {
    setTimeout(() => {
      if (this.isConnected()) this.onMessage?.(message);
    }, 0);
  }

  lose(): void {
    this.network.detach(this);
    this.transition(TransportState.Disconnected);
    this.onDisconnect?.(new Error('connection lost'));
  }
}

/**
 * Media without WebRTC: writes an SDP whose direction follows hold, and whose ICE credentials
 * change on an ICE restart, and remembers what the far end offered. Enough to see on the wire what
 * the engine asked of its media.
 */
export class ScriptedMedia implements SessionDescriptionHandler {
  private ufrag = randomUfrag();
  remoteDescription: string | null = null;
  sendersEnabled = true;

  close(): void {}

  async getDescription(options?: SessionDescriptionHandlerOptions & { hold?: boolean; offerOptions?: { iceRestart?: boolean } }) {
    if (options?.offerOptions?.iceRestart) this.ufrag = randomUfrag();
    const direction = options?.hold ? 'sendonly' : 'sendrecv';
    const body = [
      'v=0',
      'o=- 1 1 IN IP4 127.0.0.1',
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      'm=audio 9 UDP/TLS/RTP/SAVPF 0',
      `a=ice-ufrag:${this.ufrag}`,
      'a=ice-pwd:aaaaaaaaaaaaaaaaaaaaaaaa',
      `a=${direction}`,
      '',
    ].join('\r\n');
    return { body, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string): Promise<void> {
    this.remoteDescription = sdp;
  }

  sendDtmf(): boolean {
    return true;
  }

  enableSenderTracks(enable: boolean): void {
    this.sendersEnabled = enable;
  }
}

const randomUfrag = (): string => Math.random().toString(36).slice(2, 10);

export const iceUfrag = (sdp: string | null): string | null => /a=ice-ufrag:(\S+)/.exec(sdp ?? '')?.[1] ?? null;
export const direction = (sdp: string | null): string | null =>
  /a=(sendrecv|sendonly|recvonly|inactive)/.exec(sdp ?? '')?.[1] ?? null;
