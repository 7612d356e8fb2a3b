import { type NormalizeOptions, type PhoneNumber, normalizePhoneNumber } from './phone-number';

/** The caller-identity headers of an INVITE, as raw header values (the softphone does not parse them). */
export interface InviteIdentityHeaders {
  readonly from?: string | undefined;
  readonly pAssertedIdentity?: string | undefined;
  /** RFC 3323/3325 Privacy header: `id` asks the network to withhold the asserted identity. */
  readonly privacy?: string | undefined;
}

/**
 * `Privacy: id` (RFC 3325), also `user` or `header` (RFC 3323): the caller asked that the number
 * not be shown. The hotline still receives it (it must call back), so it is kept, masked and audited.
 */
export const privacyRequested = (privacy: string | undefined | null): boolean =>
  typeof privacy === 'string' &&
  privacy
    .split(/[;,]/)
    .map((token) => token.trim().toLowerCase())
    .some((token) => token === 'id' || token === 'user' || token === 'header');

export interface CallerIdentity {
  readonly number: PhoneNumber;
  readonly displayName: string | null;
  readonly source: 'p-asserted-identity' | 'from' | 'none';
}

// Long but legal headers (a long display name, many parameters) still carry the number; beyond this it is noise.
const MAX_HEADER = 8192;

/** Splits a header value on commas that are not inside quotes or angle brackets (PAI may carry sip and tel). */
export const splitHeaderValues = (value: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '<') depth += 1;
    else if (!quoted && char === '>') depth = Math.max(0, depth - 1);
    if (char === ',' && !quoted && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
};

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Where a quoted display name ends (escapes honoured), so a `<` inside it is not taken for the URI. */
const afterQuotedName = (value: string): number => {
  if (!value.startsWith('"')) return 0;
  for (let index = 1; index < value.length; index += 1) {
    if (value[index] === '\\') index += 1;
    else if (value[index] === '"') return index + 1;
  }
  return 0;
};

/** `"张三" <sip:+8613812345678@pbx;user=phone>;tag=1` → user part and display name. */
const parseNameAddr = (value: string): { user: string | null; displayName: string | null; anonymousHost: boolean } => {
  const nameEnd = afterQuotedName(value);
  const tail = /^(.*?)<([^>]*)>/.exec(value.slice(nameEnd));
  const angle = tail ? [tail[0], value.slice(0, nameEnd) + tail[1], tail[2]] : null;
  const uri = (angle ? angle[2] : value.split(/;(?=[a-z-]+=)/i)[0])?.trim() ?? '';
  const rawName =
    angle?.[1]
      ?.trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/\\(.)/g, '$1')
      .trim() ?? '';
  const displayName = rawName !== '' ? safeDecode(rawName).slice(0, 60) : null;
  const scheme = /^(sips?|tel):(.*)$/i.exec(uri);
  if (!scheme) return { user: null, displayName, anonymousHost: false };
  const rest = scheme[2] ?? '';
  if (scheme[1]?.toLowerCase() === 'tel')
    return { user: safeDecode(rest.split(';')[0] ?? ''), displayName, anonymousHost: false };
  const at = rest.indexOf('@');
  const host = at >= 0 ? rest.slice(at + 1) : rest;
  const user = at >= 0 ? safeDecode((rest.slice(0, at).split(';')[0] ?? '').split(':')[0] ?? '') : null;
  return { user, displayName, anonymousHost: /^anonymous\.invalid/i.test(host) };
};

const identityFrom = (
  header: string | undefined,
  options: NormalizeOptions,
): { number: PhoneNumber; displayName: string | null } | null => {
  if (typeof header !== 'string' || header.trim() === '' || header.length > MAX_HEADER) return null;
  let fallback: { number: PhoneNumber; displayName: string | null } | null = null;
  for (const value of splitHeaderValues(header)) {
    const { user, displayName, anonymousHost } = parseNameAddr(value);
    if (anonymousHost) return { number: normalizePhoneNumber('anonymous'), displayName: null };
    if (user === null) continue;
    const number = normalizePhoneNumber(user, options);
    if (number.key !== null || number.kind === 'withheld') return { number, displayName };
    fallback ??= { number, displayName };
  }
  return fallback;
};

/**
 * P-Asserted-Identity is set by the carrier's network and is what the hotline trusts; From is what
 * the caller's device claims. PAI wins whenever it yields a number.
 */
export const callerIdentityFromInvite = (headers: InviteIdentityHeaders, options: NormalizeOptions = {}): CallerIdentity => {
  const asserted = identityFrom(headers.pAssertedIdentity, options);
  const from = identityFrom(headers.from, options);
  if (asserted && asserted.number.kind !== 'unknown') {
    return {
      number: asserted.number,
      displayName: asserted.displayName ?? from?.displayName ?? null,
      source: 'p-asserted-identity',
    };
  }
  if (from) return { number: from.number, displayName: from.displayName, source: 'from' };
  if (asserted) return { number: asserted.number, displayName: asserted.displayName, source: 'p-asserted-identity' };
  return { number: normalizePhoneNumber(''), displayName: null, source: 'none' };
};
