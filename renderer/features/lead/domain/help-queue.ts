import type { HelpRequest } from '../../../../preload/contract';

/** The lead's list of raised hands: unanswered first, then acknowledged, each oldest first. */
export const helpQueue = (requests: readonly HelpRequest[]): HelpRequest[] =>
  requests
    .filter((request) => request.status !== 'resolved')
    .sort((a, b) => Number(a.status !== 'raised') - Number(b.status !== 'raised') || a.raisedAt - b.raisedAt);
