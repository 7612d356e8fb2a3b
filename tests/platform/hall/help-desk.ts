import { answerHelp } from '../../../main/help/domain/help-answer';
import { type HelpRequest, helpAnswerSchema, helpRequestSchema } from '../../../preload/contract/help-contract';
import type { PushPayload } from '../../../main/sync/protocol/stream-records';
import type { Session } from '../platform-store';

/** A pushed 求助 as the platform keeps and shows it: with the agent's team, raised, not yet answered. */
export const helpFromPush = (payload: PushPayload<'help_request'>, team: string | null): HelpRequest =>
  helpRequestSchema.parse({
    id: payload.id,
    agentId: payload.agentId,
    team,
    note: payload.note,
    status: 'raised',
    raisedAt: Date.parse(payload.raisedAt),
    acknowledgedAt: null,
    resolvedAt: null,
    answeredBy: null,
    callId: payload.callId,
    callSince: payload.callSince === null ? null : Date.parse(payload.callSince),
    callInProgress: payload.callInProgress,
    callerMasked: payload.callerMasked,
  });

export const HELP_PATH = /^\/v1\/lead\/help\/([0-9a-f-]{36})$/;

/**
 * A lead's answer (POST /v1/lead/help/:id, { action }): only a lead of the agent's team or an
 * admin may give it; the result goes to the store, the hall's leads and the agent.
 */
export const helpAnswerRoute = (
  deps: {
    readonly find: (id: string) => HelpRequest | null;
    readonly answered: (request: HelpRequest, centre: string) => void;
  },
  request: { id: string; body: unknown; session: Session },
): { status: number; body: unknown } => {
  const parsed = helpAnswerSchema.safeParse({ ...(typeof request.body === 'object' ? request.body : {}), id: request.id });
  if (!parsed.success) return { status: 400, body: { error: '无效的求助处理请求', code: 'INVALID' } };
  const found = deps.find(parsed.data.id);
  const { session } = request;
  if (!found || (session.role !== 'admin' && found.team !== session.team))
    return { status: 404, body: { error: '没有这条求助', code: 'NOT_FOUND' } };
  const next = answerHelp(found, parsed.data.action, session.agentId, Date.now());
  if ('refused' in next) return { status: 409, body: { error: next.refused, code: 'CONFLICT' } };
  deps.answered(next, session.centreCode);
  return { status: 200, body: { request: next } };
};
