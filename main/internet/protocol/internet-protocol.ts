import { z } from 'zod';
import { platformIdSchema } from '../../sync/protocol/sync-protocol';
import { SUBMISSION_KEYS } from '../../workorders/domain/data-catalogue';

/**
 * Internet requests (全媒体) between the platform and a console (docs/sync-protocol.md,
 * "Internet requests"): the 网络诉求 queue, taking an item, asking the citizen. Completion travels in
 * the outbox (`internet_item`), so an item completed offline is reported when the platform is back.
 */
export const INTERNET_CHANNELS = ['网站', '微信', '城市App', '小程序', '短信'] as const;

const text = (max: number) => z.string().max(max);
export const submissionSchema = z.object(
  Object.fromEntries(SUBMISSION_KEYS.map((key) => [key, text(key === 'content' ? 5000 : 200).default('')])) as Record<
    (typeof SUBMISSION_KEYS)[number],
    z.ZodDefault<z.ZodString>
  >,
);

export const internetQuestionSchema = z.object({
  id: z.string().uuid(),
  text: z.string().min(1).max(500),
  askedAt: z.string().max(40),
  answer: z.string().max(2000).nullable(),
  answeredAt: z.string().max(40).nullable(),
});

export const internetItemSchema = z.object({
  id: z.string().uuid(),
  channel: z.enum(INTERNET_CHANNELS),
  receivedAt: z.string().max(40),
  submission: submissionSchema,
  status: z.enum(['waiting', 'taken', 'asked', 'answered', 'completed']),
  takenBy: z.string().max(32).nullable(),
  questions: z.array(internetQuestionSchema).max(50),
});
export type InternetItemRecord = z.output<typeof internetItemSchema>;

const figuresSchema = z.object({
  completed: z.number().int().nonnegative(),
  firstTime: z.number().int().nonnegative(),
  questionsSent: z.number().int().nonnegative(),
  callbacksAvoided: z.number().int().nonnegative(),
});
export type InternetFiguresRecord = z.output<typeof figuresSchema>;

export const internetQueueResponseSchema = z.object({
  platformId: platformIdSchema,
  items: z.array(internetItemSchema).max(200),
  figures: z.object({ agent: figuresSchema, centre: figuresSchema }),
});

export const internetTakeResponseSchema = z.object({ platformId: platformIdSchema, item: internetItemSchema });
export const internetAskRequestSchema = z.object({ text: z.string().trim().min(2).max(500) });
export const internetAskResponseSchema = z.object({ platformId: platformIdSchema, question: internetQuestionSchema });

/** A citizen's submission on the H5 page. */
export const citizenSubmissionSchema = z.object({
  centreCode: z.string().regex(/^\d{6}$/),
  channel: z.enum(INTERNET_CHANNELS),
  submission: submissionSchema,
});
export const citizenAnswerSchema = z.object({ questionId: z.string().uuid(), text: z.string().trim().min(1).max(2000) });
