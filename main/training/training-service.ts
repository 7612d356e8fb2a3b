import type { DeskHandlers } from '../../preload/contract';
import { intakeFormSchema } from '../../preload/contract/intake-contract';
import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import { computeDeadline } from '../workorders/domain/deadline';
import type { HolidayCalendar } from '../workorders/domain/holiday-calendar';
import type { IntakeReference } from '../workorders/intake-reference-data';
import type { Scenario } from './domain/scenario';
import { type ScoreLine, scoreOrder } from './domain/score-order';
import { type ScoredResult, trainingReport, trainingReportCsv } from './domain/training-report';
import { personaSeeds } from './domain/persona-seeds';
import { scoreCardSchema } from '../../preload/contract/training-contract';

/** The contract's training namespace: the score card of a training call's order. */
export type TrainingService = DeskHandlers['training'];

const parsedOrNull = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
};

const seconds = (from: string | null, to: string | null): number | null =>
  from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 100) / 10) : null;

export const createTrainingService = (deps: {
  readonly db: DbClient;
  readonly scenarios: () => readonly Scenario[];
  readonly reference: () => IntakeReference;
  readonly calendar: () => HolidayCalendar;
  readonly log: Logger;
}): TrainingService => {
  const { db, log } = deps;
  const basisOf = (order: { requestType: string; categoryCode: string; urgency: string }, at: Date) =>
    order.requestType ? computeDeadline({ createdAt: at, ...order }, deps.reference().config, deps.calendar()).basis : null;

  /** A trainee reads 施工噪音 and 狮山街道, not 040101 and 320505002. */
  const named = (line: ScoreLine): ScoreLine => {
    const reference = deps.reference();
    const nameOf = (value: string): string => {
      if (value === '') return value;
      if (line.field === 'category') return reference.categories.find((item) => item.code === value)?.path ?? value;
      if (line.field === 'place') return reference.regions.find((item) => item.code === value)?.path ?? value;
      if (line.field === 'urgency') return reference.config.urgencies.find((level) => level.code === value)?.label ?? value;
      return value;
    };
    return { ...line, expected: nameOf(line.expected), given: nameOf(line.given) };
  };

  return {
    report: async () => {
      const results = (await db.repos.training.results()).flatMap((row): ScoredResult[] => {
        // A damaged row drops out of the report; it never stops the report.
        const card = scoreCardSchema.safeParse(parsedOrNull(row.cardJson));
        if (!card.success) return [];
        return [
          {
            at: row.createdAt,
            trainee: row.trainee,
            scenarioId: row.scenarioId,
            scenarioTitle: card.data.scenarioTitle,
            businessType: row.businessType,
            points: row.points,
            max: row.max,
            verdicts: Object.fromEntries(card.data.lines.map((line) => [line.field, line.verdict])),
          },
        ];
      });
      const report = trainingReport(results);
      return {
        attempts: report.attempts,
        businessTypes: [...report.businessTypes],
        trainees: [...report.trainees],
        csv: trainingReportCsv(results),
      };
    },
    score: async ({ workOrderId }) => {
      const found = await db.repos.training.trainingCallOrder(workOrderId);
      if (!found) return null;
      const scenario = deps.scenarios().find((candidate) => candidate.id === found.scenarioId);
      if (!scenario) {
        log.warn('training.unknown-scenario', { scenario: found.scenarioId });
        return null;
      }
      const form = intakeFormSchema.safeParse(JSON.parse(found.formJson));
      if (!form.success) return null;
      const submittedAt = new Date(found.submittedAt);
      const card = scoreOrder({
        scenario,
        order: form.data,
        deadlineBasis: {
          expected: basisOf(scenario.expected, submittedAt) ?? '',
          given: basisOf(form.data, submittedAt),
        },
        times: {
          answerS: seconds(found.ringAt, found.answerAt),
          talkS: seconds(found.answerAt, found.endAt),
          wrapUpS: seconds(found.endAt, found.submittedAt),
          transferTarget: found.transferTarget,
        },
      });
      const view = { ...card, scenarioTitle: scenario.title, lines: card.lines.map(named), keyFacts: [...card.keyFacts] };
      await db.repos.training.saveResult({
        workOrderId,
        scenarioId: scenario.id,
        businessType: scenario.businessType,
        trainee: found.trainee,
        points: card.points,
        max: card.max,
        cardJson: JSON.stringify(view),
        createdAt: new Date().toISOString(),
      });
      log.info('training.scored', { scenario: scenario.id, points: card.points, max: card.max });
      return view;
    },
  };
};

/** Once per start of a training profile: the scenarios' citizens and the orders repeat callers chase. */
export const seedTrainingPersonas = async (deps: {
  readonly db: DbClient;
  readonly scenarios: readonly Scenario[];
  readonly reference: IntakeReference;
  readonly calendar: HolidayCalendar;
  readonly now?: Date;
}): Promise<number> =>
  deps.db.repos.training.seedPersonas(
    personaSeeds(deps.scenarios, {
      now: deps.now ?? new Date(),
      categoryName: (code) => deps.reference.categories.find((item) => item.code === code)?.name ?? null,
      deadlineAt: ({ requestType, categoryCode, createdAt }) =>
        computeDeadline({ createdAt, requestType, categoryCode, urgency: 'normal' }, deps.reference.config, deps.calendar)
          .deadlineAt,
    }),
  );
