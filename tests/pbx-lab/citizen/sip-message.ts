/**
 * SIP messages as the simulated citizen sends and reads them (RFC 3261 §7): enough of the grammar
 * for a UDP user agent on the lab's PBX. Anything that does not parse is refused with the reason,
 * never half-read.
 */

import { splitHeaderValues } from '../../../main/callers/domain/sip-identity';

export interface SipRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

export interface SipResponse {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

export type SipMessage = SipRequest | SipResponse;

export class SipParseError extends Error {}

const COMPACT: Record<string, string> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  k: 'supported',
  e: 'content-encoding',
  r: 'refer-to',
  o: 'event',
  s: 'subject',
};

const canonicalName = (name: string): string => {
  const lower = name.toLowerCase();
  return COMPACT[lower] ?? lower;
};

const MAX_MESSAGE_BYTES = 65_535;

export const parseSipMessage = (raw: string): SipMessage => {
  if (raw.length > MAX_MESSAGE_BYTES) throw new SipParseError('message too large');
  const headerEnd = raw.indexOf('\r\n\r\n');
  if (headerEnd < 0) throw new SipParseError('no end of headers');
  const lines = raw.slice(0, headerEnd).split('\r\n');
  const startLine = lines.shift() ?? '';
  const headers: [string, string][] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1]!;
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new SipParseError(`bad header line: ${line.slice(0, 40)}`);
    const name = line.slice(0, colon).trim();
    if (!/^[A-Za-z0-9!%*_+`'~.-]+$/.test(name)) throw new SipParseError(`bad header name: ${name.slice(0, 40)}`);
    headers.push([canonicalName(name), line.slice(colon + 1).trim()]);
  }
  const declared = headers.find(([name]) => name === 'content-length')?.[1];
  const rest = raw.slice(headerEnd + 4);
  const length = declared === undefined ? Buffer.byteLength(rest) : Number(declared);
  if (!Number.isInteger(length) || length < 0) throw new SipParseError(`bad Content-Length: ${declared}`);
  const body = Buffer.from(rest).subarray(0, length).toString();

  const response = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(startLine);
  if (response) return { kind: 'response', status: Number(response[1]), reason: response[2] ?? '', headers, body };
  const request = /^([A-Z]+) (\S+) SIP\/2\.0$/.exec(startLine);
  if (request) return { kind: 'request', method: request[1]!, uri: request[2]!, headers, body };
  throw new SipParseError(`bad start line: ${startLine.slice(0, 60)}`);
};

export const serializeSipMessage = (message: SipMessage): string => {
  const start =
    message.kind === 'request' ? `${message.method} ${message.uri} SIP/2.0` : `SIP/2.0 ${message.status} ${message.reason}`;
  const headers = message.headers
    .filter(([name]) => name !== 'content-length')
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  return `${start}\r\n${headers}\r\ncontent-length: ${Buffer.byteLength(message.body)}\r\n\r\n${message.body}`;
};

/** Every value of a header, comma-separated lists split (outside quotes and <>), in order. */
export const headerValues = (message: SipMessage, name: string): string[] =>
  message.headers.filter(([header]) => header === canonicalName(name)).flatMap(([, value]) => splitHeaderValues(value));

export const headerValue = (message: SipMessage, name: string): string | null =>
  message.headers.find(([header]) => header === canonicalName(name))?.[1] ?? null;

/** The `tag` parameter of a From or To value. */
export const tagOf = (value: string | null): string | null => /;\s*tag=([^;>\s]+)/i.exec(value ?? '')?.[1] ?? null;

/** The URI inside <…> of a name-addr, or the bare URI. */
export const uriOf = (value: string): string => /<([^>]+)>/.exec(value)?.[1] ?? value.split(';')[0]!.trim();

export const cseqOf = (message: SipMessage): { number: number; method: string } | null => {
  const match = /^(\d+)\s+([A-Z]+)$/.exec(headerValue(message, 'cseq') ?? '');
  return match ? { number: Number(match[1]), method: match[2]! } : null;
};

/** A response to `request`, with its Via, From, To (tagged), Call-ID and CSeq. */
export const responseTo = (
  request: SipRequest,
  status: number,
  reason: string,
  toTag: string,
  extra: readonly (readonly [string, string])[] = [],
  body = '',
): SipResponse => {
  const to = headerValue(request, 'to') ?? '';
  const copied = request.headers.filter(([name]) => ['via', 'from', 'call-id', 'cseq', 'record-route'].includes(name));
  return {
    kind: 'response',
    status,
    reason,
    headers: [...copied, ['to', tagOf(to) ? to : `${to};tag=${toTag}`], ...extra],
    body,
  };
};
