import { z } from 'zod';
import { method } from './define';

/**
 * Monitoring (issue #16): the agent's console checks a lead's INVITE before anything else. The
 * renderer passes the token the INVITE carried and the Call-ID its Join names; main answers with
 * the modes the platform allowed, or why it is refused (the console then answers 403). Both audited.
 */
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
  z.object({ accepted: z.literal(true), lead: z.string(), modes: z.array(z.enum(['listen', 'whisper', 'barge'])) }),
  z.object({ accepted: z.literal(false), reason: z.enum(MONITOR_REFUSALS) }),
]);
export type MonitorVerdict = z.output<typeof monitorVerdictSchema>;

export const monitorContract = {
  checkInvite: method({
    input: monitorCheckSchema,
    output: monitorVerdictSchema,
    summary: 'Checks a lead’s monitoring permission for this agent’s call: signature, expiry, agent, call, first use. Audited.',
  }),
} as const;
