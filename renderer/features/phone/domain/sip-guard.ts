/**
 * The guard in front of sip.js: every frame from the PBX passes here first. sip.js throws on some
 * requests it cannot parse (`Request-URI undefined.`) and silently drops many others that RFC 3261
 * says to answer; a UAS that never answers makes the far end retransmit for 32 s and the PBX
 * report 408. So: read the start line and the headers a reply needs, answer what sip.js cannot
 * with the status the RFC names (400, 405 stays sip.js's, 415, 416, 420, 505, 406), drop what
 * cannot be answered at all, and pass the rest. Pure: the engine sends the reply text.
 *
 * Order follows RFC 3261 §8.2: version and syntax (400/505), Request-URI scheme (416), Require
 * (420), content (415), Accept (406).
 */
import { type SipHead, headerList, headerValue, headerValues, parseCSeq, readSipHead } from './sip-head';
import { checkRequestUri, nameAddrProblem, splitValues, viaProblem } from './sip-syntax';

export interface GuardOptions {
  /** Option tags the console implements (Require of anything else gets 420). */
  readonly supported: readonly string[];
  /** A To tag for replies to requests that have none (the engine makes a random one). */
  readonly toTag: string;
}

export type GuardVerdict =
  | {
      readonly kind: 'pass';
      /** For responses: what the engine wants to know before sip.js handles them. */
      readonly response: {
        readonly status: number;
        readonly method: string;
        readonly callId: string;
        readonly minExpires: number | null;
      } | null;
    }
  | { readonly kind: 'reply'; readonly status: number; readonly problem: string; readonly text: string }
  /** `callId`/`method` when a response could be tied to a request of ours (a broken answer to our REGISTER). */
  | { readonly kind: 'drop'; readonly problem: string; readonly callId: string | null; readonly method: string | null };

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  406: 'Not Acceptable',
  415: 'Unsupported Media Type',
  416: 'Unsupported URI Scheme',
  420: 'Bad Extension',
  505: 'Version Not Supported',
};

const SINGLE_VALUED = ['call-id', 'from', 'to', 'cseq', 'max-forwards', 'content-length', 'content-type', 'expires'];
const MAX_UINT32 = 2 ** 32 - 1;

interface Refusal {
  readonly status: number;
  readonly problem: string;
  readonly extraHeaders?: readonly string[];
}

const bad = (problem: string): Refusal => ({ status: 400, problem });

const mediaType = (value: string): string => value.split(';')[0]!.trim().toLowerCase();

/** The first reason, in RFC order, to refuse a request; null when it may go on to sip.js. */
const refusalOf = (head: SipHead & { start: { kind: 'request' } }, options: GuardOptions): Refusal | null => {
  const { start } = head;
  if (start.version.toUpperCase() !== 'SIP/2.0') return { status: 505, problem: `version ${start.version}` };
  if (head.leadingWhitespace) return bad('whitespace before the request line');
  if (start.irregularSpacing) return bad('irregular spacing in the request line');
  if (head.badHeaderLine) return bad('malformed header line');
  const uri = checkRequestUri(start.uri);
  if (!uri.ok) return bad(uri.problem);
  for (const name of ['from', 'to', 'call-id', 'cseq']) if (!headerValue(head, name)) return bad(`missing ${name}`);
  for (const name of SINGLE_VALUED) if (headerValues(head, name).length > 1) return bad(`more than one ${name}`);
  for (const name of ['from', 'to']) {
    const problem = nameAddrProblem(headerValue(head, name)!);
    if (problem) return bad(`${name}: ${problem}`);
  }
  for (const via of headerValues(head, 'via')) {
    const problem = viaProblem(via);
    if (problem) return bad(problem);
  }
  for (const contact of headerValues(head, 'contact').flatMap(splitValues)) {
    const problem = contact.trim() === '*' ? null : nameAddrProblem(contact);
    if (problem) return bad(`contact: ${problem}`);
  }
  const cseq = parseCSeq(headerValue(head, 'cseq'));
  if (!cseq) return bad('invalid cseq');
  if (cseq.method !== start.method) return bad('cseq method differs from the request method');
  const maxForwards = headerValue(head, 'max-forwards');
  if (maxForwards !== null && !(/^\d{1,10}$/.test(maxForwards) && Number(maxForwards) <= 255)) return bad('invalid max-forwards');
  const expires = headerValue(head, 'expires');
  if (expires !== null && !(/^\d{1,10}$/.test(expires) && Number(expires) <= MAX_UINT32)) return bad('invalid expires');
  const contentLength = headerValue(head, 'content-length');
  if (contentLength !== null) {
    if (!/^\d{1,10}$/.test(contentLength)) return bad('invalid content-length');
    if (new TextEncoder().encode(head.body).length < Number(contentLength)) return bad('content-length larger than the body');
  }
  if (uri.scheme !== 'sip') return { status: 416, problem: `scheme ${uri.scheme}` };
  if (start.method !== 'CANCEL') {
    const unknown = headerList(head, 'require').filter((tag) => !options.supported.includes(tag.toLowerCase()));
    if (unknown.length > 0)
      return { status: 420, problem: 'unsupported require', extraHeaders: [`Unsupported: ${unknown.join(', ')}`] };
  }
  const contentType = headerValue(head, 'content-type');
  if (
    start.method === 'INVITE' &&
    head.body.trim() !== '' &&
    (contentType === null || mediaType(contentType) !== 'application/sdp')
  )
    return { status: 415, problem: 'body is not SDP', extraHeaders: ['Accept: application/sdp'] };
  const accept = headerList(head, 'accept').map(mediaType);
  if (
    (start.method === 'OPTIONS' || start.method === 'INVITE') &&
    accept.length > 0 &&
    !accept.some((type) => type === 'application/sdp' || type === 'application/*' || type === '*/*')
  )
    return { status: 406, problem: 'no acceptable body type', extraHeaders: ['Accept: application/sdp'] };
  return null;
};

/** RFC 3261 §8.2.6: a response copies Via, From, Call-ID, CSeq, and To with a tag of ours. */
const replyText = (head: SipHead, refusal: Refusal, toTag: string): string => {
  const to = headerValue(head, 'to') ?? '';
  const lines = [
    `SIP/2.0 ${refusal.status} ${REASONS[refusal.status] ?? 'Error'}`,
    ...headerValues(head, 'via').map((via) => `Via: ${via}`),
    ...(['from', 'call-id', 'cseq'] as const).flatMap((name) => {
      const value = headerValue(head, name);
      return value === null ? [] : [`${name === 'call-id' ? 'Call-ID' : name === 'cseq' ? 'CSeq' : 'From'}: ${value}`];
    }),
    ...(to === '' ? [] : [`To: ${/;\s*tag\s*=/i.test(to) ? to : `${to};tag=${toTag}`}`]),
    ...(refusal.extraHeaders ?? []),
    `Warning: 399 minsheng-desk "${refusal.problem.replace(/["\\]/g, '')}"`,
    'Content-Length: 0',
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
};

const guardResponse = (head: SipHead & { start: { kind: 'response' } }): GuardVerdict => {
  const cseq = parseCSeq(headerValue(head, 'cseq'));
  const callId = headerValue(head, 'call-id');
  const drop = (problem: string): GuardVerdict => ({ kind: 'drop', problem, callId, method: cseq?.method ?? null });
  if (head.start.version.toUpperCase() !== 'SIP/2.0') return drop(`version ${head.start.version}`);
  if (!Number.isInteger(head.start.status) || head.start.status < 100 || head.start.status > 699)
    return drop('invalid status code');
  if (!cseq || callId === null) return drop('invalid cseq or call-id');
  const minExpires = headerValue(head, 'min-expires');
  return {
    kind: 'pass',
    response: {
      status: head.start.status,
      method: cseq.method,
      callId,
      minExpires: minExpires !== null && /^\d{1,10}$/.test(minExpires) ? Number(minExpires) : null,
    },
  };
};

export const guardIncoming = (raw: string, options: GuardOptions): GuardVerdict => {
  // Keep-alive pings and pongs (CRLF only) are sip.js's own business.
  if (raw.trim() === '') return { kind: 'pass', response: null };
  const head = readSipHead(raw);
  if (!head) return { kind: 'drop', problem: 'unreadable start line', callId: null, method: null };
  if (head.start.kind === 'response') return guardResponse(head as SipHead & { start: { kind: 'response' } });
  const request = head as SipHead & { start: { kind: 'request' } };
  const refusal = refusalOf(request, options);
  if (!refusal) return { kind: 'pass', response: null };
  // Nothing answers an ACK (RFC 3261 §17.2.1), and without a Via a reply has nowhere to go.
  if (request.start.method === 'ACK' || headerValues(head, 'via').length === 0)
    return { kind: 'drop', problem: refusal.problem, callId: null, method: request.start.method };
  return { kind: 'reply', status: refusal.status, problem: refusal.problem, text: replyText(head, refusal, options.toTag) };
};
