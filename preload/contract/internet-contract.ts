import { z } from 'zod';
import { uuid } from './common';
import { method } from './define';

export const internetQuestionViewSchema = z.object({
  id: z.string(),
  text: z.string(),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const internetItemViewSchema = z.object({
  id: z.string(),
  channel: z.string(),
  receivedAt: z.string(),
  status: z.enum(['waiting', 'taken', 'asked', 'answered', 'completed']),
  /** Taken by the agent signed in here (the queue shows nobody else's). */
  mine: z.boolean(),
  title: z.string(),
  content: z.string(),
  /** What the data catalogue says is still missing, as the intake form would say it. */
  missing: z.array(z.object({ field: z.string(), message: z.string() })),
  questions: z.array(internetQuestionViewSchema),
  /** The citizen's attachments, listed (name, type, size); the files stay on the platform. */
  attachments: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), size: z.number().int() })),
});
export type InternetItemView = z.output<typeof internetItemViewSchema>;

const figuresSchema = z.object({
  completed: z.number().int(),
  firstTime: z.number().int(),
  questionsSent: z.number().int(),
  callbacksAvoided: z.number().int(),
  callbacksMade: z.number().int(),
});

export const internetQueueSchema = z.object({
  state: z.enum(['ok', 'signed-out', 'offline']),
  error: z.string().nullable(),
  items: z.array(internetItemViewSchema),
  figures: z.object({ agent: figuresSchema, centre: figuresSchema }).nullable(),
});
export type InternetQueueView = z.output<typeof internetQueueSchema>;

export const internetChangedSchema = z.object({});

export const internetContract = {
  queue: method({
    input: z.undefined(),
    output: internetQueueSchema,
    summary: 'The 网络诉求 queue from the platform: items nobody took and this agent’s own, with 一次成功率 figures.',
  }),
  take: method({
    input: z.object({ itemId: uuid }),
    output: z.object({ draftId: z.string(), callRef: z.string() }),
    summary: 'Take an internet request (exclusive, through the platform); it opens as a pre-filled intake draft.',
  }),
  ask: method({
    input: z.object({ itemId: uuid, text: z.string().trim().min(2, '问题至少 2 个字').max(500, '问题最多 500 字') }),
    output: internetQuestionViewSchema,
    summary: 'Ask the citizen for a missing detail through the channel the request came by.',
  }),
  callBack: method({
    input: z.object({ itemId: uuid }),
    output: z.object({ number: z.string(), at: z.string() }),
    summary: 'Phone the citizen of a taken internet request: recorded on the platform as a call-back; the number to dial.',
  }),
} as const;
