/**
 * The syntax checks sip.js skips or trips over (RFC 3261 §25, RFC 4475 §3.1.2, RFC 5118): a
 * Request-URI and a name-addr, each answering what is wrong with it (English: it goes into the
 * reason phrase), or null. Pure.
 */

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const HOSTNAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const TOKEN_OR_WIDE = /^[A-Za-z0-9\-.!%*_+`'~\u0080-\uffff]+$/;

/** RFC 4291 text form: eight groups, `::` once at most, an IPv4 tail allowed (RFC 5118 §4.11/4.12). */
export const isIpv6 = (text: string): boolean => {
  const ipv4Tail = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (ipv4Tail && !IPV4.test(ipv4Tail[1]!)) return false;
  const hexPart = ipv4Tail ? text.slice(0, text.length - ipv4Tail[1]!.length) : text;
  const groupsWanted = ipv4Tail ? 6 : 8;
  const halves = hexPart.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.replace(/:$/, '').split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (ipv4Tail && halves.length === 1 && !hexPart.endsWith(':')) return false;
  if (![...head, ...tail].every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  const count = head.length + tail.length;
  return halves.length === 2 ? count < groupsWanted : count === groupsWanted;
};

const hostPortProblem = (hostPort: string): string | null => {
  let host = hostPort;
  let port: string | null = null;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) return 'IPv6 reference without ]';
    host = hostPort.slice(1, close);
    if (!isIpv6(host)) return 'invalid IPv6 address';
    const rest = hostPort.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return 'junk after host';
    port = rest === '' ? null : rest.slice(1);
  } else {
    const colon = hostPort.indexOf(':');
    if (colon !== -1) {
      host = hostPort.slice(0, colon);
      port = hostPort.slice(colon + 1);
    }
    // An IPv6 address without brackets reads as host "2001", port "db8::10" (RFC 5118 §4.2).
    if (!(IPV4.test(host) || HOSTNAME.test(host))) return 'invalid host';
  }
  if (port !== null && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) return 'invalid port';
  return null;
};

/** A sip:/sips: URI in the Request-URI (no headers allowed there, RFC 3261 §19.1.1). */
const sipUriProblem = (uri: string, where: 'request-uri' | 'header'): string | null => {
  const rest = uri.slice(uri.indexOf(':') + 1);
  const at = rest.lastIndexOf('@');
  const afterUser = at === -1 ? rest : rest.slice(at + 1);
  const question = afterUser.indexOf('?');
  if (question !== -1 && where === 'request-uri') return 'headers in Request-URI';
  const beforeHeaders = question === -1 ? afterUser : afterUser.slice(0, question);
  const hostPort = beforeHeaders.split(';')[0]!;
  return hostPortProblem(hostPort);
};

export type RequestUriVerdict = { readonly ok: true; readonly scheme: string } | { readonly ok: false; readonly problem: string };

export const checkRequestUri = (uri: string): RequestUriVerdict => {
  if (/[\s<>"]/.test(uri)) return { ok: false, problem: 'whitespace or brackets in Request-URI' };
  const scheme = SCHEME.exec(uri)?.[1]?.toLowerCase();
  if (!scheme) return { ok: false, problem: 'Request-URI without scheme' };
  if (scheme === 'sip' || scheme === 'sips') {
    const problem = sipUriProblem(uri, 'request-uri');
    if (problem) return { ok: false, problem };
  }
  return { ok: true, scheme };
};

/** The end of a quoted-string that starts at `from` (a `"`), escapes honoured; -1 when unterminated. */
const quoteEnd = (text: string, from: number): number => {
  for (let index = from + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index;
  }
  return -1;
};

const PARAM = /^\s*[A-Za-z0-9\-.!%*_+`'~]+(\s*=\s*("([^"\\]|\\.)*"|[A-Za-z0-9\-.!%*_+`'~:[\]]+))?\s*$/;

/** `;name=value;flag` after an address or a Via: an empty parameter (`;;`) is not one (RFC 4475 §3.1.2.1). */
export const paramsProblem = (text: string): string | null => {
  if (text.trim() === '') return null;
  if (!text.trimStart().startsWith(';')) return 'junk before parameters';
  return text
    .trimStart()
    .slice(1)
    .split(';')
    .every((param) => PARAM.test(param))
    ? null
    : 'malformed parameter';
};

/** Splits a header line at commas outside quotes and <> (several Contacts on one line). */
export const splitValues = (value: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (quoted && char === '\\') index += 1;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && char === '<') depth += 1;
    else if (!quoted && char === '>') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && char === ',') {
      parts.push(value.slice(from, index));
      from = index + 1;
    }
  }
  parts.push(value.slice(from));
  return parts;
};

/** One Via header line, possibly several values separated by commas. */
export const viaProblem = (value: string): string | null => {
  for (const via of value.split(',')) {
    const match = /^\s*SIP\s*\/\s*\d+\.\d+\s*\/\s*[A-Za-z0-9-]+\s+([^;\s]+)\s*(.*)$/i.exec(via);
    if (!match) return 'malformed via';
    const problem = paramsProblem(match[2]!);
    if (problem) return `via: ${problem}`;
  }
  return null;
};

/** From, To, or one Contact value: `"Name" <uri>;params`, `Name <uri>`, or `uri;params`. */
export const nameAddrProblem = (value: string): string | null => {
  const text = value.trim();
  if (text === '') return 'empty';
  let uriStart: number;
  if (text.startsWith('"')) {
    const end = quoteEnd(text, 0);
    if (end === -1) return 'unterminated quoted display name';
    const after = text.slice(end + 1).trimStart();
    if (!after.startsWith('<')) return 'no < after display name';
    uriStart = text.length - after.length;
  } else {
    uriStart = text.indexOf('<');
    if (uriStart === -1) {
      // addr-spec form: the URI runs to the first ';' and has no space or comma in it.
      const semicolon = text.indexOf(';');
      const uri = (semicolon === -1 ? text : text.slice(0, semicolon)).trim();
      // RFC 3261 §20.10: a URI with a comma, question mark or semicolon must be in <>.
      if (/[\s,"<>?]/.test(uri) || !SCHEME.test(uri)) return 'invalid addr-spec';
      if (semicolon !== -1 && paramsProblem(text.slice(semicolon))) return 'malformed parameter';
      return SCHEME.exec(uri)![1]!.toLowerCase().startsWith('sip') ? sipUriProblem(uri, 'header') : null;
    }
    const display = text.slice(0, uriStart).trim();
    // Unquoted UTF-8 names are outside the grammar but common from real PBXs: letters beyond ASCII pass.
    if (display !== '' && !display.split(/\s+/).every((word) => TOKEN_OR_WIDE.test(word))) return 'non-token display name';
  }
  const close = text.indexOf('>', uriStart);
  if (close === -1) return 'no closing >';
  const uri = text.slice(uriStart + 1, close);
  if (/\s/.test(uri) || !SCHEME.test(uri)) return 'invalid URI in <>';
  if (SCHEME.exec(uri)![1]!.toLowerCase().startsWith('sip')) {
    const problem = sipUriProblem(uri, 'header');
    if (problem) return problem;
  }
  return paramsProblem(text.slice(close + 1));
};
