import { phoneLikePattern } from '../shared/domain/phone-like';

/**
 * Logs leave the PC with support tickets, so personal data and secrets never reach them: values under
 * sensitive keys are dropped and anything shaped like a Chinese phone number is masked wherever it
 * appears.
 */
const SENSITIVE_KEY = /pass(word)?|secret|token|cookie|authorization|phone|mobile|caller|callee|name|address|content|id_?card/i;

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;

export const maskPhoneLike = (text: string): string =>
  text.replace(phoneLikePattern(), (match) => `${match.slice(0, 3)}****${match.slice(-2)}`);

export const redactFields = (fields: LogFields): Record<string, LogValue> => {
  const out: Record<string, LogValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SENSITIVE_KEY.test(key)) out[key] = '[redacted]';
    else out[key] = typeof value === 'string' ? maskPhoneLike(value) : value;
  }
  return out;
};
