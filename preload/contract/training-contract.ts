import { z } from 'zod';
import { uuid } from './common';
import { method } from './define';

export const SCENARIO_ID_PATTERN = /^[a-z0-9-]{3,40}$/;

const scoredField = z.enum(['requestType', 'category', 'place', 'urgency', 'confidential', 'keyFacts', 'handling', 'deadline']);

export const scoreLineSchema = z.object({
  field: scoredField,
  verdict: z.enum(['right', 'partial', 'wrong', 'missing']),
  points: z.number().int(),
  max: z.number().int(),
  expected: z.string(),
  given: z.string(),
});

/** The score card a trainee sees after submitting the order of a training call. */
export const scoreCardSchema = z.object({
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  businessType: z.string(),
  lines: z.array(scoreLineSchema),
  keyFacts: z.array(z.object({ label: z.string(), found: z.boolean() })),
  points: z.number().int(),
  max: z.number().int(),
  times: z.object({
    answerS: z.number().nullable(),
    talkS: z.number().nullable(),
    wrapUpS: z.number().nullable(),
    transferTarget: z.string().nullable(),
  }),
});
export type ScoreCardView = z.output<typeof scoreCardSchema>;

/** The trainer's report over this profile's scored orders (培训报表), weakest business types first. */
export const trainingReportSchema = z.object({
  attempts: z.number().int(),
  businessTypes: z.array(
    z.object({
      businessType: z.string(),
      attempts: z.number().int(),
      trainees: z.number().int(),
      averagePercent: z.number(),
      weakestField: scoredField.nullable(),
    }),
  ),
  trainees: z.array(z.object({ trainee: z.string(), attempts: z.number().int(), averagePercent: z.number() })),
  /** Every scored order, one row each, for a spreadsheet. */
  csv: z.string(),
});
export type TrainingReportView = z.output<typeof trainingReportSchema>;

export const trainingContract = {
  score: method({
    input: z.object({ workOrderId: uuid }),
    // null: the order was not taken on a training call that names a known scenario.
    output: scoreCardSchema.nullable(),
    summary: 'Score a submitted order of a training call against its scenario, and keep the card.',
  }),
  report: method({
    input: z.undefined(),
    output: trainingReportSchema,
    summary: 'Business types and trainees by average score, and every scored order as CSV.',
  }),
} as const;
