import type { HelpRequest } from '../../../../preload/contract';

/** A resolved request stays on the agent's screen this long, then the chip goes. */
export const RESOLVED_SHOWN_MS = 60_000;

export type HelpChip = 'waiting' | 'acknowledged' | 'resolved' | null;

/** What the agent's status chip says about their latest request. */
export const helpChip = (request: HelpRequest | null, now: number): HelpChip => {
  if (!request) return null;
  if (request.status === 'raised') return 'waiting';
  if (request.status === 'acknowledged') return 'acknowledged';
  return request.resolvedAt !== null && now - request.resolvedAt < RESOLVED_SHOWN_MS ? 'resolved' : null;
};
