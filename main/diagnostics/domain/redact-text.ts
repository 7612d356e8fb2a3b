import { phoneLikePattern } from '../../shared/domain/phone-like';

/**
 * The last line of defence for what leaves the PC with a support ticket. Logs are redacted where
 * they are written; a diagnostics bundle is redacted again, by shape (every phone-like number, ID
 * number and run of 7+ digits) and by value (every name, number, address and request text the
 * profile holds, wherever it appears in any file of the bundle).
 */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const LONG_DIGITS = /\d{7,}/g;
const MIN_VALUE_CHARS = 2;

export const REDACTED = {
  idNumber: '[证件号已隐去]',
  phone: '[号码已隐去]',
  digits: '[数字已隐去]',
  value: '[个人信息已隐去]',
} as const;

export interface Redactor {
  /** The text with every match replaced, and how many were. */
  redact(text: string): { text: string; count: number };
}

/** Values are looked up by their first two characters: one pass over the text whatever their number. */
export const createRedactor = (sensitiveValues: Iterable<string>): Redactor => {
  const byPrefix = new Map<string, string[]>();
  for (const raw of sensitiveValues) {
    const value = raw.trim();
    if (value.length < MIN_VALUE_CHARS) continue;
    const prefix = value.slice(0, MIN_VALUE_CHARS);
    const list = byPrefix.get(prefix) ?? [];
    if (!list.includes(value)) list.push(value);
    byPrefix.set(prefix, list);
  }
  // Longest first: an address must go whole, not leave its tail after a shorter value matched.
  for (const list of byPrefix.values()) list.sort((a, b) => b.length - a.length);

  const redactValues = (text: string): { text: string; count: number } => {
    let out = '';
    let count = 0;
    let index = 0;
    while (index < text.length) {
      const candidates = byPrefix.get(text.slice(index, index + MIN_VALUE_CHARS));
      const match = candidates?.find((value) => text.startsWith(value, index));
      if (match) {
        out += REDACTED.value;
        index += match.length;
        count += 1;
      } else {
        out += text[index];
        index += 1;
      }
    }
    return { text: out, count };
  };

  return {
    redact: (text) => {
      let count = 0;
      const replace = (input: string, pattern: RegExp, by: string): string =>
        input.replace(pattern, () => {
          count += 1;
          return by;
        });
      const byValue = redactValues(text);
      count += byValue.count;
      let out = replace(byValue.text, ID_NUMBER, REDACTED.idNumber);
      out = replace(out, phoneLikePattern(), REDACTED.phone);
      out = replace(out, LONG_DIGITS, REDACTED.digits);
      return { text: out, count };
    },
  };
};
