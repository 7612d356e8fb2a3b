/**
 * The score card after a training call: the trainee's work order against the scenario's, field
 * by field (right, partly right, wrong, missing), the key facts found in what they wrote, the
 * handling (the right entry cited, the right department, the emergency handed over) and the
 * deadline. Pure: the form, the deadline bases and the call's times in, the card out.
 */
import type { Scenario } from './scenario';

export type Verdict = 'right' | 'partial' | 'wrong' | 'missing';

export type ScoredField =
  'requestType' | 'category' | 'place' | 'urgency' | 'confidential' | 'keyFacts' | 'handling' | 'deadline';

export interface ScoreLine {
  readonly field: ScoredField;
  readonly verdict: Verdict;
  readonly points: number;
  readonly max: number;
  readonly expected: string;
  readonly given: string;
}

export interface TraineeOrder {
  readonly requestType: string;
  readonly categoryCode: string;
  readonly regionCode: string;
  readonly urgency: string;
  readonly confidential: boolean;
  readonly title: string;
  readonly content: string;
  readonly handlingMode: 'direct' | 'dispatch';
  readonly citedEntryId: string | null;
  readonly leadDepartment: string;
}

export interface TrainingCallTimes {
  /** Seconds from the ring to 接听. */
  readonly answerS: number | null;
  readonly talkS: number | null;
  /** Seconds from hanging up to submitting the order. */
  readonly wrapUpS: number | null;
  /** Where the call was handed over (紧急转), if it was. */
  readonly transferTarget: string | null;
}

export interface ScoreCard {
  readonly scenarioId: string;
  readonly businessType: string;
  readonly lines: readonly ScoreLine[];
  readonly keyFacts: readonly { readonly label: string; readonly found: boolean }[];
  readonly points: number;
  readonly max: number;
  readonly times: TrainingCallTimes;
}

const WEIGHTS: Readonly<Record<ScoredField, number>> = {
  requestType: 10,
  category: 20,
  place: 10,
  urgency: 10,
  confidential: 5,
  keyFacts: 25,
  handling: 15,
  deadline: 5,
};

/** Spaces, punctuation and full-width digits do not decide whether a fact was written down. */
const normalised = (text: string): string =>
  text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();

const line = (field: ScoredField, verdict: Verdict, expected: string, given: string, share = 1): ScoreLine => {
  const max = WEIGHTS[field];
  const points = verdict === 'right' ? max : verdict === 'partial' ? Math.round(max * share) : 0;
  return { field, verdict, points, max, expected, given };
};

const exact = (field: ScoredField, expected: string, given: string): ScoreLine =>
  line(field, given === '' ? 'missing' : given === expected ? 'right' : 'wrong', expected, given);

/** The right branch earns part of the points: the right parent half, the right top level a quarter. */
const byPrefix = (field: ScoredField, expected: string, given: string, levels: readonly number[]): ScoreLine => {
  if (given === '') return line(field, 'missing', expected, given);
  if (given === expected) return line(field, 'right', expected, given);
  const shares = [0.5, 0.25];
  for (const [index, length] of levels.entries())
    if (expected.length > length && given.slice(0, length) === expected.slice(0, length))
      return line(field, 'partial', expected, given, shares[index] ?? 0.25);
  return line(field, 'wrong', expected, given);
};

export const scoreOrder = (input: {
  readonly scenario: Scenario;
  readonly order: TraineeOrder;
  /** The deadline bases ("5 个工作日", "紧急：24 小时") the trainee's and the expected order get. */
  readonly deadlineBasis: { readonly expected: string; readonly given: string | null };
  readonly times: TrainingCallTimes;
}): ScoreCard => {
  const { scenario, order, times } = input;
  const expected = scenario.expected;
  const written = normalised(`${order.title}${order.content}`);
  const keyFacts = expected.keyFacts.map((fact) => ({
    label: fact.label,
    found: fact.anyOf.some((phrase) => written.includes(normalised(phrase))),
  }));
  const foundFacts = keyFacts.filter((fact) => fact.found).length;
  const factsLine = line(
    'keyFacts',
    foundFacts === keyFacts.length ? 'right' : foundFacts === 0 ? (written === '' ? 'missing' : 'wrong') : 'partial',
    keyFacts.map((fact) => fact.label).join('、'),
    keyFacts
      .filter((fact) => fact.found)
      .map((fact) => fact.label)
      .join('、'),
    foundFacts / Math.max(1, keyFacts.length),
  );

  const handling = expected.handling;
  const handlingLine = ((): ScoreLine => {
    if (handling.mode === 'transfer') {
      const given = times.transferTarget ?? '';
      return line(
        'handling',
        given === handling.target ? 'right' : given === '' ? 'missing' : 'wrong',
        `紧急转 ${handling.target}`,
        given,
      );
    }
    if (handling.mode === 'direct') {
      if (order.handlingMode !== 'direct') return line('handling', 'wrong', '直接办结', '派单');
      if (handling.citedEntryId === null || order.citedEntryId === handling.citedEntryId)
        return line('handling', 'right', '直接办结', '直接办结');
      return line(
        'handling',
        'partial',
        `直接办结，引用 ${handling.citedEntryId}`,
        `直接办结，引用 ${order.citedEntryId ?? '无'}`,
        0.5,
      );
    }
    if (order.handlingMode !== 'dispatch') return line('handling', 'wrong', `派单 ${handling.leadDepartment}`, '直接办结');
    if (order.leadDepartment === '')
      return line('handling', 'partial', `派单 ${handling.leadDepartment}`, '派单（未选主办部门）', 0.5);
    return order.leadDepartment === handling.leadDepartment
      ? line('handling', 'right', `派单 ${handling.leadDepartment}`, `派单 ${order.leadDepartment}`)
      : line('handling', 'partial', `派单 ${handling.leadDepartment}`, `派单 ${order.leadDepartment}`, 0.5);
  })();

  const lines: ScoreLine[] = [
    exact('requestType', expected.requestType, order.requestType),
    byPrefix('category', expected.categoryCode, order.categoryCode, [4, 2]),
    byPrefix('place', expected.regionCode, order.regionCode, [6, 4]),
    exact('urgency', expected.urgency, order.urgency),
    line(
      'confidential',
      order.confidential === expected.confidential ? 'right' : 'wrong',
      expected.confidential ? '保密' : '不保密',
      order.confidential ? '保密' : '不保密',
    ),
    factsLine,
    handlingLine,
    input.deadlineBasis.given === null
      ? line('deadline', 'missing', input.deadlineBasis.expected, '')
      : exact('deadline', input.deadlineBasis.expected, input.deadlineBasis.given),
  ];
  return {
    scenarioId: scenario.id,
    businessType: scenario.businessType,
    lines,
    keyFacts,
    points: lines.reduce((sum, scored) => sum + scored.points, 0),
    max: lines.reduce((sum, scored) => sum + scored.max, 0),
    times,
  };
};
