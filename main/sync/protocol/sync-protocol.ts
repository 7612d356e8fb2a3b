import { z } from 'zod';
import { lexiconOverrideSchema } from '../../kb/domain/lexicon';
import { callerRecordSchema, pulledWorkOrderEventSchema, workOrderRecordSchema } from './stream-records';

/**
 * Sync protocol v1 between a console and the central platform (docs/sync-protocol.md). The same
 * schemas validate on both sides: the console's engine parses every response, the platform parses
 * every request. Versioned by path (/v1/...).
 */
export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_ITEMS = 500;
export const MAX_PULL_ITEMS = 5000;
/** A push request stays under this (the platform accepts 8 MiB): a batch of long orders is split. */
export const MAX_PUSH_BYTES = 6 * 1024 * 1024;

export const PUSH_STREAMS = [
  'work_order',
  'work_order_event',
  'call',
  'caller',
  'agent_state',
  'kb_usage',
  'audit',
  'internet_item',
  'help_request',
] as const;
export type PushStream = (typeof PUSH_STREAMS)[number];
export const PULL_STREAMS = ['work_orders', 'callers', 'kb_entries', 'kb_synonyms', 'holidays', 'catalogue'] as const;
export type PullStream = (typeof PULL_STREAMS)[number];

/** Who answers: every response that can acknowledge or deliver data names the platform, so a
 * console whose address now points elsewhere never takes another server's word. */
export const platformIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const signInRequestSchema = z.object({
  agentId: z.string().min(1).max(32),
  password: z.string().min(1).max(128),
  centreCode: z.string().regex(/^\d{6}(\d{6})?$/),
  /** The console's own id (made once per profile): the platform gives the same console the same station. */
  consoleId: z.string().uuid(),
});
export const signInResponseSchema = z.object({
  token: z.string().min(16).max(200),
  agentId: z.string(),
  centreCode: z.string(),
  /** 接听员, 班长 (the team-lead view), 管理员 (every team). */
  role: z.enum(['agent', 'lead', 'admin']),
  team: z.string().max(40).nullable().default(null),
  expiresAt: z.string(),
  platformId: platformIdSchema,
  /** This console's station number in work-order numbers, unique within the centre. */
  station: z.string().regex(/^\d{3}$/),
});

export const pushItemSchema = z.object({
  itemId: z.string().uuid(),
  stream: z.enum(PUSH_STREAMS),
  recordId: z.string().min(1).max(64),
  op: z.enum(['create', 'update', 'delete']),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string().max(40),
});
export type PushItem = z.output<typeof pushItemSchema>;

export const pushRequestSchema = z.object({ items: z.array(pushItemSchema).min(1).max(MAX_PUSH_ITEMS) });

export const pushResultSchema = z.object({
  itemId: z.string(),
  /** applied: stored now; duplicate: stored before with the same payload (a retry); conflict: same id, other payload; rejected: invalid. */
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
  error: z.string().max(2000).optional(),
});
export type PushResult = z.output<typeof pushResultSchema>;
export const pushResponseSchema = z.object({ platformId: platformIdSchema, results: z.array(pushResultSchema) });

export const pullItemSchema = z.object({
  seq: z.number().int().positive(),
  op: z.enum(['upsert', 'delete']),
  id: z.string().min(1).max(64),
  version: z.number().int().nonnegative(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type PullItem = z.output<typeof pullItemSchema>;

export const pullResponseSchema = z.object({
  platformId: platformIdSchema,
  stream: z.enum(PULL_STREAMS),
  items: z.array(pullItemSchema).max(MAX_PULL_ITEMS),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** Items still waiting after this page: drives the first-run progress bar. */
  remaining: z.number().int().nonnegative().optional(),
});
export type PullResponse = z.output<typeof pullResponseSchema>;

/** Frames on the live channel (/v1/live): the platform says which streams have news; the console pulls. */
/** Besides the pulled streams, `internet_items`: the 网络诉求 queue changed (fetched, not pulled). */
export const LIVE_TOPICS = [...PULL_STREAMS, 'internet_items'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];
export const liveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('changed'), streams: z.array(z.enum(LIVE_TOPICS)) }),
  // To leads and admins only: what an event changed on the hall's wallboard (preload/contract/lead-contract.ts).
  z.object({ type: z.literal('wallboard'), delta: z.unknown() }),
  // To the agent who raised it: the lead acknowledged or resolved a help request (preload/contract/help-contract.ts).
  z.object({ type: z.literal('help'), request: z.unknown() }),
]);

export const errorResponseSchema = z.object({ error: z.string(), code: z.string() });

/** Data of the pulled streams (the `data` of a pull item), validated before anything is applied. */
export const pulledCallerSchema = callerRecordSchema;

export const pulledWorkOrderSchema = z.object({
  order: workOrderRecordSchema,
  caller: callerRecordSchema.nullable(),
  events: z.array(pulledWorkOrderEventSchema),
});
export type PulledWorkOrder = z.output<typeof pulledWorkOrderSchema>;

/** The encyclopedia's lexicon (groups always; aliases, stopwords, user words when the platform keeps its own). */
export const pulledSynonymsSchema = lexiconOverrideSchema;
export const pulledHolidayYearSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  days: z
    .array(z.object({ name: z.string().max(40), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), isOffDay: z.boolean() }))
    .max(60),
});
