import { z } from 'zod';
import { method } from './define';

export const headsetStatusSchema = z.object({
  state: z.enum(['none', 'connected', 'unavailable']),
  /** Manufacturer and product as the headset names itself. */
  model: z.string().max(120).nullable(),
  /** Why no headset can be used (unplugged, no permission, a system library missing). */
  detail: z.string().max(200).nullable(),
  /** The telephony headsets plugged in, by model, for choosing one when there are several. */
  models: z.array(z.string().max(120)).max(16),
  /** The model the agent chose; null: the first telephony headset found. */
  chosen: z.string().max(120).nullable(),
});
export type HeadsetStatus = z.output<typeof headsetStatusSchema>;

export const callLightsSchema = z.object({
  ringing: z.boolean(),
  inCall: z.boolean(),
  muted: z.boolean(),
  held: z.boolean(),
});
export type CallLights = z.output<typeof callLightsSchema>;

export const HEADSET_REQUESTS = ['answer', 'hangup', 'toggleMute', 'toggleHold'] as const;
export const headsetRequestSchema = z.object({ request: z.enum(HEADSET_REQUESTS) });
export type HeadsetRequest = z.output<typeof headsetRequestSchema>['request'];

export const headsetContract = {
  status: method({ input: z.undefined(), output: headsetStatusSchema, summary: 'The headset in use, or why there is none.' }),
  choose: method({
    input: z.object({ model: z.string().trim().min(1).max(120).nullable() }),
    output: headsetStatusSchema,
    summary: 'Use this headset model (kept for the next start), or null for the first one found.',
  }),
  callState: method({
    input: callLightsSchema,
    output: z.object({ accepted: z.boolean() }),
    summary: 'The call as the screen shows it: the headset lights follow it.',
  }),
} as const;
