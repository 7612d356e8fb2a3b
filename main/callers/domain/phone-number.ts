/**
 * Chinese phone numbers as they reach a 12345 hotline: typed by agents, presented by the PBX, or
 * carried in a SIP INVITE. Everything becomes one key per subscriber (the number agents would dial
 * from inside China, extension dropped), so the same person is found however the number was written.
 * Bad input never throws: it becomes `unknown` with the reason.
 */

export type PhoneNumber =
  | { readonly kind: 'mobile'; readonly key: string; readonly display: string }
  | {
      readonly kind: 'landline';
      readonly key: string;
      readonly display: string;
      readonly areaCode: string;
      readonly subscriber: string;
      readonly extension?: string;
    }
  | { readonly kind: 'service'; readonly key: string; readonly display: string }
  | { readonly kind: 'international'; readonly key: string; readonly display: string }
  | { readonly kind: 'withheld'; readonly key: null; readonly display: string }
  | { readonly kind: 'unknown'; readonly key: null; readonly display: string; readonly reason: string };

export interface NormalizeOptions {
  /** The sub-centre's own area code (e.g. '0512'), to complete 7–8 digit local numbers. */
  readonly defaultAreaCode?: string;
}

const WITHHELD_WORDS =
  /^(anonymous|restricted|unavailable|unknown|private|withheld|privacy|hidden|null|未知|匿名|隐藏号码|号码未显示)$/i;
const MAX_INPUT = 200;

const unknown = (display: string, reason: string): PhoneNumber => ({
  kind: 'unknown',
  key: null,
  display: display.slice(0, 40),
  reason,
});
const withheld: PhoneNumber = { kind: 'withheld', key: null, display: '号码未显示' };

/** 3-digit area codes: Beijing 010 and 020–029; every other area code has 4 digits (0xxx). */
const areaCodeLength = (digits: string): number => (/^0(10|2\d)/.test(digits) ? 3 : 4);

const mobile = (digits: string): PhoneNumber => ({
  kind: 'mobile',
  key: digits,
  display: `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`,
});

const landline = (areaCode: string, subscriber: string, extension?: string): PhoneNumber => ({
  kind: 'landline',
  key: areaCode + subscriber,
  display: `${areaCode}-${subscriber}${extension ? ` 转${extension}` : ''}`,
  areaCode,
  subscriber,
  ...(extension ? { extension } : {}),
});

const SERVICE_PATTERNS: readonly RegExp[] = [
  /^1(10|19|20|22)$/, // emergency: police, fire, ambulance, traffic
  /^12\d{3}$/, // government hotlines: 12345, 12315, 12369, 12366 …
  /^95\d{3,6}$/, // nationwide enterprise numbers: 95588, 95598 …
  /^96\d{3,6}$/, // local public-service numbers
  /^10\d{3,6}$/, // carrier numbers: 10086, 10010, 10000 …
  /^[48]00\d{7}$/, // 400 / 800 numbers
];

/** Splits "025-83001234-123", "025 83001234 转 123", "…ext.123", "…#123", "…,123" into number and extension. */
const splitExtension = (text: string): { main: string; extension?: string } => {
  const marked = /^(.*?)(?:\s*(?:转|分机|ext\.?|extn\.?|x|#|,|;ext=)\s*)(\d{1,6})$/i.exec(text);
  if (marked?.[1] && /\d/.test(marked[1])) return { main: marked[1], extension: marked[2] };
  return { main: text };
};

const digitsOnly = (text: string): string | null => {
  const cleaned = text.replace(/[\s\-.()（）\u00a0\u3000/]/g, '');
  return /^\+?\d+$/.test(cleaned) ? cleaned : null;
};

const fromNationalDigits = (national: string, extension: string | undefined, options: NormalizeOptions): PhoneNumber | null => {
  if (/^1[3-9]\d{9}$/.test(national)) return mobile(national);
  // PBXs often present out-of-area mobiles with the trunk prefix 0: 013812345678.
  if (/^01[3-9]\d{9}$/.test(national)) return mobile(national.slice(1));
  if (SERVICE_PATTERNS.some((pattern) => pattern.test(national))) return { kind: 'service', key: national, display: national };
  if (/^0[1-9]\d{8,10}$/.test(national)) {
    const length = areaCodeLength(national);
    const subscriber = national.slice(length);
    if (subscriber.length === 7 || subscriber.length === 8) return landline(national.slice(0, length), subscriber, extension);
    return null;
  }
  // A local number without its area code: only the sub-centre's own area code can complete it.
  if (/^[2-9]\d{6,7}$/.test(national) && options.defaultAreaCode && /^0\d{2,3}$/.test(options.defaultAreaCode)) {
    return landline(options.defaultAreaCode, national, extension);
  }
  return null;
};

export const normalizePhoneNumber = (raw: unknown, options: NormalizeOptions = {}): PhoneNumber => {
  if (typeof raw !== 'string') return unknown('', 'not-text');
  const text = raw.normalize('NFKC').trim();
  if (text === '') return withheld;
  if (text.length > MAX_INPUT) return unknown(text, 'too-long');
  if (WITHHELD_WORDS.test(text)) return withheld;

  const { main, extension } = splitExtension(text.replace(/\(0\)/g, ''));
  const parsed = parseNumber(text, main, extension, options);
  if (parsed.kind !== 'unknown' || extension !== undefined) return parsed;
  // "025-83001234-8021": a trailing group after a complete landline is its extension.
  const dashed = /^(.*\d)[-\s]+(\d{1,6})$/.exec(main);
  if (dashed?.[1] && dashed[2]) {
    const retried = parseNumber(text, dashed[1], dashed[2], options);
    if (retried.kind === 'landline') return retried;
  }
  return parsed;
};

const parseNumber = (text: string, main: string, extension: string | undefined, options: NormalizeOptions): PhoneNumber => {
  const digits = digitsOnly(main);
  if (!digits) return unknown(text, 'not-a-number');

  let national: string;
  if (digits.startsWith('+86')) national = digits.slice(3);
  else if (digits.startsWith('0086')) national = digits.slice(4);
  else if (digits.startsWith('+') || digits.startsWith('00')) {
    const international = `+${digits.replace(/^\+|^00/, '')}`;
    return international.length >= 8 && international.length <= 16
      ? { kind: 'international', key: international, display: international }
      : unknown(text, 'bad-international-number');
  } else if (/^86(1[3-9]\d{9}|[1-9]\d{8,10})$/.test(digits) && !/^1[3-9]\d{9}$/.test(digits)) national = digits.slice(2);
  else national = digits;

  // After +86 the trunk 0 is dropped (+86 25 …); put it back so every landline key starts with 0.
  if (national !== digits && /^[2-9]\d{8,10}$/.test(national)) national = `0${national}`;
  if (national !== digits && /^10\d{8}$/.test(national)) national = `0${national}`;

  return fromNationalDigits(national, extension, options) ?? unknown(text, 'not-a-chinese-number');
};

/** The agent-facing masked form of a confidential caller: 138****5678, 025-****1234. */
export const maskPhoneNumber = (number: PhoneNumber): string => {
  switch (number.kind) {
    case 'mobile':
      return `${number.key.slice(0, 3)}****${number.key.slice(-4)}`;
    case 'landline':
      return `${number.areaCode}-****${number.subscriber.slice(-4)}`;
    case 'service':
      return number.display;
    case 'international':
      return `${number.key.slice(0, 4)}****${number.key.slice(-3)}`;
    default:
      return number.display;
  }
};
