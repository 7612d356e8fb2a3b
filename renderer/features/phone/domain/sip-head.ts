/**
 * The head of a SIP message read just far enough to judge it and to answer it: the start line and
 * the header fields (unfolded, compact names expanded), the body as received. Pure; it never
 * throws, whatever the bytes: a message it cannot read is `null`.
 */
export interface SipRequestLine {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
  readonly version: string;
  /** The start line had something other than single spaces between its three parts, or around them. */
  readonly irregularSpacing: boolean;
}

export interface SipStatusLine {
  readonly kind: 'response';
  readonly version: string;
  /** NaN when the status code is not three digits (RFC 4475 §3.1.2.19: 4294967301). */
  readonly status: number;
}

export interface SipHead {
  readonly start: SipRequestLine | SipStatusLine;
  /** Lower-case full names, in order, each value trimmed; a repeated header keeps every value. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  /** Bytes before the start line other than CRLF (which RFC 3261 §7.5 says to ignore). */
  readonly leadingWhitespace: boolean;
  /** A header line without a colon, or with a name that is not a token. */
  readonly badHeaderLine: boolean;
}

const COMPACT: Readonly<Record<string, string>> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  e: 'content-encoding',
  k: 'supported',
  s: 'subject',
  o: 'event',
  r: 'refer-to',
  b: 'referred-by',
  u: 'allow-events',
  x: 'session-expires',
};

const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

const parseStart = (line: string): SipRequestLine | SipStatusLine | null => {
  const parts = line.split(/[ \t]+/).filter((part) => part !== '');
  if (/^SIP\/[^ ]+ /i.test(line.trimStart()) && parts.length >= 2) {
    return { kind: 'response', version: parts[0]!, status: /^\d{3}$/.test(parts[1]!) ? Number(parts[1]) : Number.NaN };
  }
  if (parts.length < 3 || !TOKEN.test(parts[0]!)) return null;
  const version = parts.at(-1)!;
  if (!/^SIP\/\S+$/i.test(version)) return null;
  return {
    kind: 'request',
    method: parts[0]!,
    uri: parts.slice(1, -1).join(' '),
    version,
    irregularSpacing: parts.length !== 3 || line !== parts.join(' '),
  };
};

export const readSipHead = (raw: string): SipHead | null => {
  const withoutCrlf = raw.replace(/^(\r\n)+/, '');
  const leadingWhitespace = /^[ \t]/.test(withoutCrlf);
  const split = withoutCrlf.indexOf('\r\n\r\n');
  const headText = split === -1 ? withoutCrlf : withoutCrlf.slice(0, split);
  const body = split === -1 ? '' : withoutCrlf.slice(split + 4);
  const lines = headText.split('\r\n');
  const start = parseStart(lines[0]!.replace(/^[ \t]+/, ''));
  if (!start) return null;
  const headers: [string, string][] = [];
  let badHeaderLine = false;
  for (const line of lines.slice(1)) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1]!;
      last[1] = `${last[1]} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim();
    if (!TOKEN.test(name)) {
      badHeaderLine = true;
      continue;
    }
    const lower = name.toLowerCase();
    headers.push([COMPACT[lower] ?? lower, line.slice(colon + 1).trim()]);
  }
  return { start, headers, body, leadingWhitespace, badHeaderLine };
};

export const headerValues = (head: SipHead, name: string): string[] =>
  head.headers.filter(([key]) => key === name).map(([, value]) => value);

export const headerValue = (head: SipHead, name: string): string | null => headerValues(head, name)[0] ?? null;

/** Comma-separated values of a list header (Require, Supported …), across repeated lines. */
export const headerList = (head: SipHead, name: string): string[] =>
  headerValues(head, name)
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** `12 INVITE` → its number and method, or null. */
export const parseCSeq = (value: string | null): { readonly seq: number; readonly method: string } | null => {
  const match = /^(\d{1,10})\s+([A-Za-z0-9\-.!%*_+`'~]+)$/.exec(value ?? '');
  if (!match) return null;
  const seq = Number(match[1]);
  return seq < 2 ** 31 ? { seq, method: match[2]! } : null;
};
