/**
 * A training scenario (培训场景): a simulated citizen, what they say turn by turn, and the work
 * order a good call-taker registers from it. Data, not code: `main/data/training/scenarios.json`,
 * and later synced from the platform so trainers can add their own.
 */
import { z } from 'zod';
import { SCENARIO_ID_PATTERN } from '../../../preload/contract/training-contract';

const regionCode = z.string().regex(/^(\d{6}|\d{9})$/, '地点代码须为 6 位或 9 位');
const categoryCode = z.string().regex(/^(\d{2}){1,3}$/, '分类代码须为 2、4 或 6 位');

export const keyFactSchema = z.object({
  /** What the fact is, for the score card: 地点, 时间, 诉求 … */
  label: z.string().min(1).max(20),
  /** Any of these written in the title or content counts (spaces and punctuation ignored). */
  anyOf: z.array(z.string().min(1).max(40)).min(1).max(8),
});

export const expectedHandlingSchema = z.discriminatedUnion('mode', [
  /** Answered during the call, citing this encyclopedia entry (null: any answer counts). */
  z.object({ mode: z.literal('direct'), citedEntryId: z.string().max(64).nullable() }),
  z.object({ mode: z.literal('dispatch'), leadDepartment: z.string().min(1).max(60) }),
  /** Handed to an emergency desk during the call (紧急转 110/119/120). */
  z.object({ mode: z.literal('transfer'), target: z.enum(['110', '119', '120']) }),
]);

export const scenarioSchema = z.object({
  id: z.string().regex(SCENARIO_ID_PATTERN),
  title: z.string().min(1).max(40),
  /** The business type a trainer's report groups by (噪音扰民, 停水停电, 社保 …). */
  businessType: z.string().min(1).max(20),
  persona: z.object({
    name: z.string().min(1).max(20),
    number: z.string().regex(/^\d{7,12}$/),
    regionCode,
    confidential: z.boolean(),
    /** Orders of this caller still open (a repeat caller chasing one). */
    openOrders: z.number().int().min(0).max(5),
  }),
  turns: z.array(z.string().min(1).max(300)).min(1).max(12),
  expected: z.object({
    requestType: z.enum(['咨询', '求助', '投诉', '举报', '建议', '表扬', '其他']),
    categoryCode,
    regionCode,
    urgency: z.enum(['normal', 'urgent', 'critical']),
    confidential: z.boolean(),
    keyFacts: z.array(keyFactSchema).min(1).max(8),
    handling: expectedHandlingSchema,
  }),
});

export type Scenario = z.output<typeof scenarioSchema>;

export const scenarioFileSchema = z
  .array(scenarioSchema)
  .min(1)
  .max(500)
  .superRefine((scenarios, context) => {
    const seen = new Set<string>();
    scenarios.forEach((scenario, index) => {
      if (seen.has(scenario.id))
        context.addIssue({ code: 'custom', path: [index, 'id'], message: `场景编号重复：${scenario.id}` });
      seen.add(scenario.id);
    });
  });
