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

/** What the citizen attached (photos, a PDF), as the queue lists it; the bytes stay on the platform. */
export const attachmentSchema = z.object({
  id: z.string().uuid(),
  name: z.string().min(1).max(100),
  type: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
  size: z.number().int().positive(),
});

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

export const internetItemSchema = z.object({
  id: z.string().uuid(),
  channel: z.enum(INTERNET_CHANNELS),
  receivedAt: z.string().max(40),
  submission: submissionSchema,
  status: z.enum(['waiting', 'taken', 'asked', 'answered', 'completed']),
  takenBy: z.string().max(32).nullable(),
  questions: z.array(internetQuestionSchema).max(50),
  attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS).default([]),
});
export type InternetItemRecord = z.output<typeof internetItemSchema>;

const figuresSchema = z.object({
  completed: z.number().int().nonnegative(),
  firstTime: z.number().int().nonnegative(),
  questionsSent: z.number().int().nonnegative(),
  callbacksAvoided: z.number().int().nonnegative(),
  callbacksMade: z.number().int().nonnegative().default(0),
});
export type InternetFiguresRecord = z.output<typeof figuresSchema>;

export const internetQueueResponseSchema = z.object({
  platformId: platformIdSchema,
  items: z.array(internetItemSchema).max(200),
  figures: z.object({ agent: figuresSchema, centre: figuresSchema }),
});

export const internetTakeResponseSchema = z.object({ platformId: platformIdSchema, item: internetItemSchema });
export const internetCallbackResponseSchema = z.object({
  platformId: platformIdSchema,
  at: z.string().max(40),
  contactNumber: z.string().max(40),
});
export const internetAskRequestSchema = z.object({ text: z.string().trim().min(2).max(500) });
export const internetAskResponseSchema = z.object({ platformId: platformIdSchema, question: internetQuestionSchema });

/** A citizen's submission on the H5 page. */
export const citizenSubmissionSchema = z.object({
  centreCode: z.string().regex(/^\d{6}$/),
  channel: z.enum(INTERNET_CHANNELS),
  submission: submissionSchema,
  attachments: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        // Base64 of at most MAX_ATTACHMENT_BYTES; the type is decided from the bytes, not from this.
        dataBase64: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4),
      }),
    )
    .max(MAX_ATTACHMENTS, `最多 ${MAX_ATTACHMENTS} 个附件`)
    .default([]),
});

/** The attachment's type from its first bytes: what a name or a browser says is not trusted. */
export const sniffAttachmentType = (bytes: Uint8Array): z.output<typeof attachmentSchema>['type'] | null => {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => bytes[index] === byte))
    return 'image/png';
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  return null;
};
export const citizenAnswerSchema = z.object({ questionId: z.string().uuid(), text: z.string().trim().min(1).max(2000) });
