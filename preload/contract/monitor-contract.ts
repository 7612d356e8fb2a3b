import { z } from 'zod';
import { method } from './define';

/**
 * Monitoring (issue #16): the agent's console checks a lead's INVITE before anything else. The
 * renderer passes the token the INVITE carried and the Call-ID its Join names; main answers with
 * the modes the platform allowed, or why it is refused (the console then answers 403). Both audited.
 */
/** listen: the lead hears caller and agent; whisper: the agent hears the lead too; barge: all three hear each other. */
export const MONITOR_MODES = ['listen', 'whisper', 'barge'] as const;
export type MonitorMode = (typeof MONITOR_MODES)[number];
/** Whether an agent sees a discreet 班长监听中 while listened to: a centre setting, carried in the permission. */
export const MONITOR_NOTICES = ['discreet', 'hidden'] as const;
export type MonitorNotice = (typeof MONITOR_NOTICES)[number];

export const MONITOR_REFUSALS = [
  'malformed',
  'signature',
  'expired',
  'not-yet-valid',
  'foreign-agent',
  'foreign-call',
  'replayed',
  'no-platform-key',
] as const;

export const monitorCheckSchema = z.object({
  token: z.string().max(2000),
  callId: z.string().min(1).max(300),
});

export const monitorVerdictSchema = z.discriminatedUnion('accepted', [
  z.object({
    accepted: z.literal(true),
    lead: z.string(),
    modes: z.array(z.enum(MONITOR_MODES)),
    agentNotice: z.enum(MONITOR_NOTICES),
  }),
  z.object({ accepted: z.literal(false), reason: z.enum(MONITOR_REFUSALS) }),
]);
export type MonitorVerdict = z.output<typeof monitorVerdictSchema>;

/** One mode of a session, from its start to its end: the audit names who, whom, which call, how long. */
export const monitorSegmentSchema = z.object({
  lead: z.string().min(1).max(32),
  callId: z.string().min(1).max(300),
  mode: z.enum(MONITOR_MODES),
  startedAt: z.string().datetime(),
  endedAt: z.string().datetime(),
  /** The last segment: the session itself ended with it. */
  sessionEnded: z.boolean(),
});
export type MonitorSegment = z.output<typeof monitorSegmentSchema>;

export const monitorContract = {
  checkInvite: method({
    input: monitorCheckSchema,
    output: monitorVerdictSchema,
    summary: 'Checks a lead’s monitoring permission for this agent’s call: signature, expiry, agent, call, first use. Audited.',
  }),
  segmentEnded: method({
    input: monitorSegmentSchema,
    output: z.undefined(),
    summary: 'A mode of a monitoring session ended (switched, or the session ended): audited with its start and end.',
  }),
} as const;
