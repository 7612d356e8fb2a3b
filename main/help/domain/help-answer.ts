import { HELP_STATUSES, type HelpRequest, type HelpStatus } from '../../../preload/contract/help-contract';

const rank = (status: HelpStatus): number => HELP_STATUSES.indexOf(status);

/**
 * The lead's answer applied to a help request: it only ever moves forward (raised → acknowledged →
 * resolved), so a late or repeated live frame, or a refresh racing one, never undoes an answer.
 * null when the answer changes nothing.
 */
export const advanceHelp = (current: HelpRequest, answer: HelpRequest): HelpRequest | null => {
  if (answer.id !== current.id || rank(answer.status) <= rank(current.status)) return null;
  return {
    ...current,
    status: answer.status,
    acknowledgedAt: current.acknowledgedAt ?? answer.acknowledgedAt,
    resolvedAt: answer.status === 'resolved' ? (answer.resolvedAt ?? current.resolvedAt) : current.resolvedAt,
    answeredBy: answer.answeredBy ?? current.answeredBy,
  };
};

/** What a lead's answer does to a request on the platform, or why it cannot. */
export const answerHelp = (
  request: HelpRequest,
  action: 'acknowledge' | 'resolve',
  lead: string,
  at: number,
): HelpRequest | { refused: string } => {
  if (request.status === 'resolved') return { refused: '该求助已处理' };
  if (action === 'acknowledge' && request.status === 'acknowledged') return { refused: '该求助已确认收到' };
  return action === 'acknowledge'
    ? { ...request, status: 'acknowledged', acknowledgedAt: at, answeredBy: lead }
    : { ...request, status: 'resolved', acknowledgedAt: request.acknowledgedAt ?? at, resolvedAt: at, answeredBy: lead };
};
