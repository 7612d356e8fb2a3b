import { z } from 'zod';
import { method } from './define';

/**
 * 求助 (issue #15 part 5): an agent raises a hand during or after a call, the team lead sees it at
 * once with the call and caller, acknowledges (班长已收到) and resolves it. The same schema carries
 * it to the lead's wallboard, back to the agent on the live channel, and to both screens.
 */
export const HELP_STATUSES = ['raised', 'acknowledged', 'resolved'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];
export const HELP_NOTE_MAX = 60;

export const helpRequestSchema = z.object({
  id: z.string().uuid(),
  agentId: z.string().min(1).max(32),
  team: z.string().max(40).nullable(),
  note: z.string().max(HELP_NOTE_MAX).nullable(),
  status: z.enum(HELP_STATUSES),
  /** Times in ms, as the wallboard's. */
  raisedAt: z.number(),
  acknowledgedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  /** The lead who acknowledged or resolved it. */
  answeredBy: z.string().max(32).nullable(),
  /** The call it is about: the console's call record, since when, and the caller masked (138****5678). */
  callId: z.string().max(64).nullable(),
  callSince: z.number().nullable(),
  callInProgress: z.boolean(),
  callerMasked: z.string().max(64).nullable(),
});
export type HelpRequest = z.output<typeof helpRequestSchema>;

export const helpRaiseSchema = z.object({
  note: z.string().trim().max(HELP_NOTE_MAX, `说明最多 ${HELP_NOTE_MAX} 个字`),
  /** The call on screen, if any (the renderer knows whether it is still up). */
  callId: z.string().max(64).nullable(),
  callInProgress: z.boolean(),
});

export const helpContract = {
  raise: method({
    input: helpRaiseSchema,
    output: helpRequestSchema,
    summary: 'Raises a hand (求助) to the team lead: recorded here, queued for the platform, shown to the lead at once.',
  }),
  latest: method({
    input: z.undefined(),
    output: helpRequestSchema.nullable(),
    summary: 'This agent’s latest help request of the last hours, with the lead’s answer so far.',
  }),
} as const;

export const HELP_ANSWERS = ['acknowledge', 'resolve'] as const;
export const helpAnswerSchema = z.object({ id: z.string().uuid(), action: z.enum(HELP_ANSWERS) });
