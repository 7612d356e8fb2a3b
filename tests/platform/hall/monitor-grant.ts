import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { MONITOR_MODES, signMonitorToken } from '../../../main/monitor/domain/monitor-token';
import type { Session } from '../platform-store';

export const MONITOR_TOKEN_PATH = '/v1/lead/monitor-token';

const grantRequestSchema = z.object({
  agentId: z.string().min(1).max(32),
  callId: z.string().min(1).max(300),
  modes: z.array(z.enum(MONITOR_MODES)).min(1).max(3),
});

/**
 * POST /v1/lead/monitor-token { agentId, callId, modes }: a lead's permission to monitor one call of
 * one agent of their team (an admin's: any team), while that call is up. Only reached by leads and
 * admins (lead-routes refuses everyone else first).
 */
export const monitorGrantRoute = (
  deps: {
    readonly privateKey: KeyObject;
    readonly agentTeam: (agentId: string, centre: string) => string | null | undefined;
    readonly activeCall: (agentId: string, callId: string) => boolean;
    readonly now: () => number;
  },
  request: { body: unknown; session: Session },
): { status: number; body: unknown } => {
  const parsed = grantRequestSchema.safeParse(request.body);
  if (!parsed.success) return { status: 400, body: { error: '无效的监听请求', code: 'INVALID' } };
  const { session } = request;
  const team = deps.agentTeam(parsed.data.agentId, session.centreCode);
  if (team === undefined || (session.role !== 'admin' && (team === null || team !== session.team)))
    return { status: 404, body: { error: '本班组没有这位坐席', code: 'NOT_FOUND' } };
  if (!deps.activeCall(parsed.data.agentId, parsed.data.callId))
    return { status: 409, body: { error: '该坐席当前没有这通电话', code: 'NO_CALL' } };
  const { token, claims } = signMonitorToken(
    {
      centre: session.centreCode,
      lead: session.agentId,
      agent: parsed.data.agentId,
      callId: parsed.data.callId,
      modes: parsed.data.modes,
    },
    deps.privateKey,
    deps.now(),
  );
  return { status: 200, body: { token, expiresAt: claims.exp } };
};
