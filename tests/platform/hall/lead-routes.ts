import type { HallAgent, WallboardDelta } from '../../../preload/contract/lead-contract';
import type { Session } from '../platform-store';
import type { Hall } from './hall';

export const isLeadPath = (pathname: string): boolean => pathname.startsWith('/v1/lead/');

const isLead = (session: Session): boolean => session.role === 'lead' || session.role === 'admin';

/** A lead sees their own team's agents; an admin every team's. The queue is the centre's. */
export const agentsFor = (session: Session, agents: readonly HallAgent[]): HallAgent[] =>
  session.role === 'admin' ? [...agents] : agents.filter((agent) => agent.team !== null && agent.team === session.team);

export const deltaFor = (session: Session, delta: WallboardDelta): WallboardDelta | null => {
  if (!isLead(session)) return null;
  return delta.agents ? { ...delta, agents: agentsFor(session, delta.agents) } : delta;
};

/** The team-lead routes: refused to any account that is not a lead or an admin, whoever asks. */
export const leadRoute = (
  hallOf: (centre: string) => Hall,
  request: { method: string; pathname: string; session: Session | null; platformId: string },
): { status: number; body: unknown } => {
  if (!request.session) return { status: 401, body: { error: 'not signed in', code: 'UNAUTHORIZED' } };
  if (!isLead(request.session))
    return { status: 403, body: { error: '只有班长和管理员可以查看大屏和坐席监控', code: 'FORBIDDEN' } };
  if (request.method === 'GET' && request.pathname === '/v1/lead/wallboard') {
    const snapshot = hallOf(request.session.centreCode).snapshot();
    return {
      status: 200,
      body: { ...snapshot, agents: agentsFor(request.session, snapshot.agents), platformId: request.platformId },
    };
  }
  return { status: 404, body: { error: 'not found', code: 'NOT_FOUND' } };
};
