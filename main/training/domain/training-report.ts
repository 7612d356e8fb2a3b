/**
 * The trainer's report: every scored training order, and what a team struggles with — business
 * types by average score (weakest first) with the field most often got wrong, and each trainee's
 * average. Pure; the CSV is what a trainer opens in a spreadsheet.
 */
import type { ScoredField, Verdict } from './score-order';

export interface ScoredResult {
  readonly at: string;
  readonly trainee: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly businessType: string;
  readonly points: number;
  readonly max: number;
  readonly verdicts: Readonly<Partial<Record<ScoredField, Verdict>>>;
}

export interface BusinessTypeLine {
  readonly businessType: string;
  readonly attempts: number;
  readonly trainees: number;
  readonly averagePercent: number;
  /** The field most often not right, or null when all were right. */
  readonly weakestField: ScoredField | null;
}

export interface TraineeLine {
  readonly trainee: string;
  readonly attempts: number;
  readonly averagePercent: number;
}

export interface TrainingReport {
  readonly businessTypes: readonly BusinessTypeLine[];
  readonly trainees: readonly TraineeLine[];
  readonly attempts: number;
}

export const SCORED_FIELDS: readonly ScoredField[] = [
  'requestType',
  'category',
  'place',
  'urgency',
  'confidential',
  'keyFacts',
  'handling',
  'deadline',
];

const percent = (results: readonly ScoredResult[]): number => {
  const max = results.reduce((sum, result) => sum + result.max, 0);
  return max === 0 ? 0 : Math.round((results.reduce((sum, result) => sum + result.points, 0) / max) * 1000) / 10;
};

const groupBy = <K extends string>(results: readonly ScoredResult[], key: (result: ScoredResult) => K) => {
  const groups = new Map<K, ScoredResult[]>();
  for (const result of results) groups.set(key(result), [...(groups.get(key(result)) ?? []), result]);
  return groups;
};

const weakest = (results: readonly ScoredResult[]): ScoredField | null => {
  let worst: ScoredField | null = null;
  let worstCount = 0;
  for (const field of SCORED_FIELDS) {
    const misses = results.filter((result) => {
      const verdict = result.verdicts[field];
      return verdict !== undefined && verdict !== 'right';
    }).length;
    if (misses > worstCount) [worst, worstCount] = [field, misses];
  }
  return worst;
};

export const trainingReport = (results: readonly ScoredResult[]): TrainingReport => ({
  attempts: results.length,
  businessTypes: [...groupBy(results, (result) => result.businessType)]
    .map(([businessType, group]) => ({
      businessType,
      attempts: group.length,
      trainees: new Set(group.map((result) => result.trainee)).size,
      averagePercent: percent(group),
      weakestField: weakest(group),
    }))
    .sort((a, b) => a.averagePercent - b.averagePercent || a.businessType.localeCompare(b.businessType, 'zh-CN')),
  trainees: [...groupBy(results, (result) => result.trainee)]
    .map(([trainee, group]) => ({ trainee, attempts: group.length, averagePercent: percent(group) }))
    .sort((a, b) => a.averagePercent - b.averagePercent || a.trainee.localeCompare(b.trainee)),
});

const VERDICT_TEXT: Readonly<Record<Verdict, string>> = { right: '正确', partial: '部分正确', wrong: '错误', missing: '缺失' };
const FIELD_TEXT: Readonly<Record<ScoredField, string>> = {
  requestType: '诉求类型',
  category: '诉求分类',
  place: '发生地点',
  urgency: '紧急程度',
  confidential: '保密',
  keyFacts: '关键信息',
  handling: '办理方式',
  deadline: '办理时限',
};

/** A cell a spreadsheet shows as typed: quoted, and never read as a formula (=, +, -, @ lead a text). */
const cell = (value: string | number): string => {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** One row per scored order; UTF-8 with a BOM so Excel on a Chinese Windows reads the characters. */
export const trainingReportCsv = (results: readonly ScoredResult[]): string => {
  const header = ['时间', '学员', '场景', '业务类型', '得分', '满分', ...SCORED_FIELDS.map((field) => FIELD_TEXT[field])];
  const rows = results.map((result) => [
    result.at,
    result.trainee,
    result.scenarioTitle,
    result.businessType,
    result.points,
    result.max,
    ...SCORED_FIELDS.map((field) => {
      const verdict = result.verdicts[field];
      return verdict ? VERDICT_TEXT[verdict] : '';
    }),
  ]);
  return `\ufeff${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
};
