import { z } from 'zod';
import { uuid } from './common';
import { method } from './define';

export const SCENARIO_ID_PATTERN = /^[a-z0-9-]{3,40}$/;

export const scoreLineSchema = z.object({
  field: z.enum(['requestType', 'category', 'place', 'urgency', 'confidential', 'keyFacts', 'handling', 'deadline']),
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

export const trainingContract = {
  score: method({
    input: z.object({ workOrderId: uuid }),
    // null: the order was not taken on a training call that names a known scenario.
    output: scoreCardSchema.nullable(),
    summary: 'Score a submitted order of a training call against its scenario, and keep the card.',
  }),
} as const;
