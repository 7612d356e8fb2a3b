import type { HallAgent, WallboardDelta } from '../../../preload/contract/lead-contract';
import type { HelpRequest } from '../../../preload/contract/help-contract';
import type { Session } from '../platform-store';
import type { Hall } from './hall';
import { HELP_PATH, helpAnswerRoute } from './help-desk';
import { MONITOR_TOKEN_PATH, monitorGrantRoute } from './monitor-grant';

export const isLeadPath = (pathname: string): boolean => pathname.startsWith('/v1/lead/');

const isLead = (session: Session): boolean => session.role === 'lead' || session.role === 'admin';

/** A lead sees their own team's agents; an admin every team's. The queue is the centre's. */
export const agentsFor = (session: Session, agents: readonly HallAgent[]): HallAgent[] =>
  session.role === 'admin' ? [...agents] : agents.filter((agent) => agent.team !== null && agent.team === session.team);

/** Help requests as agents: a lead's own team's, an admin's every team's. */
export const helpFor = (session: Session, requests: readonly HelpRequest[]): HelpRequest[] =>
  session.role === 'admin' ? [...requests] : requests.filter((request) => request.team !== null && request.team === session.team);

export const deltaFor = (session: Session, delta: WallboardDelta): WallboardDelta | null => {
  if (!isLead(session)) return null;
  return {
    ...delta,
    ...(delta.agents ? { agents: agentsFor(session, delta.agents) } : {}),
    ...(delta.help ? { help: helpFor(session, delta.help) } : {}),
  };
};

/** The team-lead routes: refused to any account that is not a lead or an admin, whoever asks. */
export const leadRoute = (
  hallOf: (centre: string) => Hall,
  request: { method: string; pathname: string; session: Session | null; platformId: string; body: unknown },
  help: Parameters<typeof helpAnswerRoute>[0],
  monitor: Parameters<typeof monitorGrantRoute>[0],
): { status: number; body: unknown } => {
  if (!request.session) return { status: 401, body: { error: 'not signed in', code: 'UNAUTHORIZED' } };
  if (!isLead(request.session))
    return { status: 403, body: { error: '只有班长和管理员可以查看大屏和坐席监控', code: 'FORBIDDEN' } };
  if (request.method === 'GET' && request.pathname === '/v1/lead/wallboard') {
    const snapshot = hallOf(request.session.centreCode).snapshot();
    return {
      status: 200,
      body: {
        ...snapshot,
        agents: agentsFor(request.session, snapshot.agents),
        help: helpFor(request.session, snapshot.help),
        platformId: request.platformId,
      },
    };
  }
  if (request.method === 'POST' && request.pathname === MONITOR_TOKEN_PATH) {
    const reply = monitorGrantRoute(monitor, { body: request.body, session: request.session });
    return reply.status === 200 ? { status: 200, body: { ...(reply.body as object), platformId: request.platformId } } : reply;
  }
  const helpId = request.method === 'POST' ? HELP_PATH.exec(request.pathname)?.[1] : undefined;
  if (helpId) {
    const reply = helpAnswerRoute(help, { id: helpId, body: request.body, session: request.session });
    return reply.status === 200 ? { status: 200, body: { ...(reply.body as object), platformId: request.platformId } } : reply;
  }
  return { status: 404, body: { error: 'not found', code: 'NOT_FOUND' } };
};
