/**
 * Logs leave the PC with support tickets, so personal data and secrets never reach them: values under
 * sensitive keys are dropped and anything shaped like a Chinese phone number is masked wherever it
 * appears.
 */
const SENSITIVE_KEY = /pass(word)?|secret|token|cookie|authorization|phone|mobile|caller|callee|name|address|content|id_?card/i;
// Numbers as people write them: 13987654321, 139-8765-4321, 139 8765 4321, 025-83001234, 0512 6523 1234.
const PHONE_LIKE = /(?<!\d)(?:\+?86[- ]?)?(?:1[3-9]\d(?:[- ]?\d{4}){2}|0\d{2,3}[- ]?\d{3,4}[- ]?\d{4})(?!\d)/g;

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;

export const maskPhoneLike = (text: string): string =>
  text.replace(PHONE_LIKE, (match) => `${match.slice(0, 3)}****${match.slice(-2)}`);

export const redactFields = (fields: LogFields): Record<string, LogValue> => {
  const out: Record<string, LogValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SENSITIVE_KEY.test(key)) out[key] = '[redacted]';
    else out[key] = typeof value === 'string' ? maskPhoneLike(value) : value;
  }
  return out;
};
