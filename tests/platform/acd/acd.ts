import { z } from 'zod';

/**
 * What the platform needs from a centre's ACD, whichever it is (the lab's Kamailio today; a Huawei
 * CEC, Avaya or FreeSWITCH queue later): tell it who may be offered calls, hear what its queue did.
 */
export interface Acd {
  /** An agent's extension may be offered calls now (`turn` grows: the smallest waited longest), or not. */
  setAvailability(extension: string, availability: { available: true; turn: number } | { available: false }): Promise<void>;
  onQueueEvent(listener: (event: QueueEvent) => void): () => void;
  /** Whether the event feed is connected: a wallboard fed by a dead feed must say so. */
  connected(): boolean;
  close(): Promise<void>;
}

export const QUEUE_EVENT_KINDS = ['entered', 'offered', 'answered', 'refused', 'unreachable', 'abandoned'] as const;
export type QueueEventKind = (typeof QUEUE_EVENT_KINDS)[number];

export const queueEventSchema = z.object({
  kind: z.enum(QUEUE_EVENT_KINDS),
  /** Milliseconds since the epoch, at the PBX. */
  at: z.number().int().positive(),
  callId: z.string().min(1).max(200),
  /** The caller's user part (a number, or "anonymous"), as the PBX saw it. */
  caller: z.string().max(64),
  agentExtension: z
    .string()
    .regex(/^\d{2,12}$/)
    .nullable(),
  /** The SIP status behind a refusal or an answer. */
  status: z.number().int().min(100).max(699).nullable(),
});
export type QueueEvent = z.output<typeof queueEventSchema>;
