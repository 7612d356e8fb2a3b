import type { MessageKey } from './zh-CN';

/** Fallback for keys a newer build added to zh-CN before translation; never the product language. */
export const en: Partial<Record<MessageKey, string>> = {
  'app.title': 'Minsheng Desk',
  'app.loading': 'Connecting to local services…',
};
