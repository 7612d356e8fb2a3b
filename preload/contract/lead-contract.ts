import { z } from 'zod';
import { MONITOR_MODES } from './monitor-contract';
import { method } from './define';
import { helpAnswerSchema, helpRequestSchema } from './help-contract';

/**
 * What the platform tells a team lead's console about the hall (issue #15): a snapshot once, then
 * deltas on the live channel — only the parts an event changed. Parsed with these schemas on the
 * console; written with them on the platform.
 */
export const HALL_AGENT_STATES = ['signed-out', 'ready', 'not-ready', 'on-call', 'wrap-up'] as const;
export const hallAgentStateSchema = z.enum(HALL_AGENT_STATES);

export const queueTileSchema = z.object({
  waiting: z.number().int().nonnegative(),
  /** When the longest-waiting caller entered (ms), so the console counts the wait up itself. */
  oldestWaitingSince: z.number().nullable(),
  offered: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  abandoned: z.number().int().nonnegative(),
  shortAbandoned: z.number().int().nonnegative(),
  answerRate: z.number().nullable(),
  answeredWithinRate: z.number().nullable(),
  averageWaitSeconds: z.number().nullable(),
  averageHandlingSeconds: z.number().nullable(),
  /** 在线解答率 and 按时办结率 of the centre in the window (main/lead/domain/kpi.ts). */
  onlineResolutionRate: z.number().nullable(),
  onTimeResolutionRate: z.number().nullable(),
  agentsByState: z.record(hallAgentStateSchema, z.number().int().nonnegative()),
});
export type QueueTile = z.output<typeof queueTileSchema>;

export const hallBucketSchema = z.object({
  /** Start of the half hour (ms). */
  start: z.number(),
  offered: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  abandoned: z.number().int().nonnegative(),
  answeredWithinRate: z.number().nullable(),
});
export type HallBucket = z.output<typeof hallBucketSchema>;

export const hallAgentSchema = z.object({
  agentId: z.string().max(32),
  extension: z.string().max(32).nullable(),
  team: z.string().max(40).nullable(),
  state: hallAgentStateSchema,
  reason: z.string().max(40).nullable(),
  /** In this state since (ms). */
  since: z.number(),
  phoneRegistered: z.boolean(),
  /** The call in progress: since when, and the caller's number as the PBX gave it (masked). */
  callSince: z.number().nullable(),
  callerMasked: z.string().max(64).nullable(),
  /** The call's MOS as the agent's console last reported it (a change into or out of poor quality). */
  callMos: z.number().nullable(),
  handled: z.number().int().nonnegative(),
  handlingSeconds: z.number().nonnegative(),
  answeredCitizenCalls: z.number().int().nonnegative(),
  directlyClosed: z.number().int().nonnegative(),
});
export type HallAgent = z.output<typeof hallAgentSchema>;

export const hallSettingsSchema = z.object({
  answerWithinSeconds: z.number().positive(),
  shortAbandonSeconds: z.number().nonnegative(),
  windowHours: z.number().positive(),
  serviceLevelTarget: z.number().min(0).max(1),
});
export type HallSettings = z.output<typeof hallSettingsSchema>;

export const wallboardSnapshotSchema = z.object({
  at: z.number(),
  feedUp: z.boolean(),
  settings: hallSettingsSchema,
  queue: queueTileSchema,
  buckets: z.array(hallBucketSchema).max(400),
  agents: z.array(hallAgentSchema).max(5000),
  /** Open help requests (求助) of the lead's team, oldest first. */
  help: z.array(helpRequestSchema).max(500),
});
export type WallboardSnapshot = z.output<typeof wallboardSnapshotSchema>;

export const wallboardDeltaSchema = z.object({
  at: z.number(),
  /** Grows by one per delta of a hall: a gap means one was missed, and the console asks for a snapshot. */
  seq: z.number().int().positive(),
  feedUp: z.boolean().optional(),
  queue: queueTileSchema.optional(),
  buckets: z.array(hallBucketSchema).max(400).optional(),
  agents: z.array(hallAgentSchema).max(5000).optional(),
  /** Help requests raised, acknowledged or resolved (a resolved one leaves the lead's list). */
  help: z.array(helpRequestSchema).max(500).optional(),
});
export type WallboardDelta = z.output<typeof wallboardDeltaSchema>;

export const wallboardResponseSchema = wallboardSnapshotSchema.extend({
  seq: z.number().int().nonnegative(),
  platformId: z.string(),
});

export const leadAccessSchema = z.object({
  /** null: not signed in to a platform. */
  role: z.enum(['agent', 'lead', 'admin']).nullable(),
  team: z.string().nullable(),
});

export const wallboardViewSchema = z.object({
  access: leadAccessSchema,
  /** null for an agent (no view), or when the platform could not be asked (see error). */
  snapshot: wallboardSnapshotSchema.extend({ seq: z.number().int().nonnegative() }).nullable(),
  error: z.string().nullable(),
  /** What each figure means, with the centre's thresholds: shown on hover (main/lead/domain/kpi.ts). */
  definitions: z.record(z.string(), z.string()),
});
export type WallboardView = z.output<typeof wallboardViewSchema>;

/** The agent's own figures today (issue #15 part 6), from their console's records. */
export const agentFiguresSchema = z.object({
  from: z.string(),
  answered: z.number().int().nonnegative(),
  averageTalkSeconds: z.number().nullable(),
  averageWrapUpSeconds: z.number().nullable(),
  onlineResolutionRate: z.number().nullable(),
  onTimeResolutionRate: z.number().nullable(),
  definitions: z.record(z.string(), z.string()),
});
export type AgentFigures = z.output<typeof agentFiguresSchema>;

/** The platform's permission for one monitoring session, and where the lead's console sends its INVITE. */
export const monitorGrantSchema = z.object({
  token: z.string().min(1).max(2000),
  expiresAt: z.number().int(),
  callId: z.string().min(1).max(300),
  extension: z.string().regex(/^[0-9A-Za-z*#+_.-]{1,32}$/),
  modes: z.array(z.enum(MONITOR_MODES)).min(1),
});
export type MonitorGrant = z.output<typeof monitorGrantSchema>;

export const leadContract = {
  access: method({
    input: z.undefined(),
    output: leadAccessSchema,
    summary: 'The signed-in account’s role and team, as the platform said at sign-in.',
  }),
  wallboard: method({
    input: z.undefined(),
    output: wallboardViewSchema,
    summary: 'The hall’s wallboard and the team’s agents, as a snapshot; the live channel sends deltas after it.',
  }),
  myFigures: method({
    input: z.undefined(),
    output: agentFiguresSchema,
    summary: 'This agent’s own figures today: calls answered, average talk and wrap-up, 在线解答率, 按时办结率.',
  }),
  answerHelp: method({
    input: helpAnswerSchema,
    output: z.object({ error: z.string().nullable() }),
    summary: 'The lead acknowledges (班长已收到) or resolves an agent’s help request; the agent sees it at once.',
  }),
  monitorGrant: method({
    input: z.object({ agentId: z.string().min(1).max(32) }),
    output: z.object({ grant: monitorGrantSchema.nullable(), error: z.string().nullable() }),
    summary: 'Asks the platform for permission to monitor the agent’s current call (all three modes), for 30 s.',
  }),
} as const;
