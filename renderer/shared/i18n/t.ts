import { en } from './en';
import { type MessageKey, zhCN } from './zh-CN';

export type { MessageKey } from './zh-CN';

const catalogues: readonly Partial<Record<MessageKey, string>>[] = [zhCN, en];

export const t = (key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string => {
  const template = catalogues.map((catalogue) => catalogue[key]).find((text) => text !== undefined) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
};
