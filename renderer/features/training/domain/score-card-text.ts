import type { ScoreCardView } from '../../../../preload/contract';
import type { MessageKey } from '../../../shared/i18n/zh-CN';

type Line = ScoreCardView['lines'][number];

export const FIELD_KEYS: Readonly<Record<Line['field'], MessageKey>> = {
  requestType: 'training.field.requestType',
  category: 'training.field.category',
  place: 'training.field.place',
  urgency: 'training.field.urgency',
  confidential: 'training.field.confidential',
  keyFacts: 'training.field.keyFacts',
  handling: 'training.field.handling',
  deadline: 'training.field.deadline',
};

export const VERDICT_KEYS: Readonly<Record<Line['verdict'], MessageKey>> = {
  right: 'training.verdict.right',
  partial: 'training.verdict.partial',
  wrong: 'training.verdict.wrong',
  missing: 'training.verdict.missing',
};

/** Seconds as the card shows them: one decimal below a minute, m:ss above; 未记录 when unknown. */
export const formatSeconds = (seconds: number | null): string | null => {
  if (seconds === null) return null;
  if (seconds < 60) return `${seconds.toFixed(1)} 秒`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} 分 ${String(whole % 60).padStart(2, '0')} 秒`;
};

/** The CSV as a link target for a download: no file system access from the page is needed. */
export const csvDownloadHref = (csv: string): string => `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
