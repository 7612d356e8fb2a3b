import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { MONITOR_MODES, signMonitorToken } from '../../../main/monitor/domain/monitor-token';
import type { MonitorNotice } from '../../../preload/contract/monitor-contract';
import type { Session } from '../platform-store';

export const MONITOR_TOKEN_PATH = '/v1/lead/monitor-token';

const grantRequestSchema = z.object({
  agentId: z.string().min(1).max(32),
  /** Omitted: the agent's call that is up now (the lead clicked 监听 on the agent, not on a call). */
  callId: z.string().min(1).max(300).optional(),
  modes: z.array(z.enum(MONITOR_MODES)).min(1).max(3),
});

/**
 * POST /v1/lead/monitor-token { agentId, callId?, modes }: a lead's permission to monitor one call of
 * one agent of their team (an admin's: any team), while that call is up. Only reached by leads and
 * admins (lead-routes refuses everyone else first). The answer names the call and the extension the
 * lead's console sends its INVITE to (docs/monitoring.md).
 */
export const monitorGrantRoute = (
  deps: {
    readonly privateKey: KeyObject;
    readonly agentTeam: (agentId: string, centre: string) => string | null | undefined;
    readonly activeCall: (agentId: string, callId: string) => boolean;
    /** The SIP Call-ID of the agent's call that is up, if any. */
    readonly currentCall: (agentId: string) => string | null;
    /** The extension the agent's console registered, as its last state push said. */
    readonly extensionOf: (agentId: string, centre: string) => string | null;
    readonly agentNotice: MonitorNotice;
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
  const callId = parsed.data.callId ?? deps.currentCall(parsed.data.agentId);
  if (callId === null || !deps.activeCall(parsed.data.agentId, callId))
    return { status: 409, body: { error: '该坐席当前没有这通电话', code: 'NO_CALL' } };
  const extension = deps.extensionOf(parsed.data.agentId, session.centreCode);
  if (extension === null) return { status: 409, body: { error: '该坐席的话机未上报分机号', code: 'NO_EXTENSION' } };
  const { token, claims } = signMonitorToken(
    {
      centre: session.centreCode,
      lead: session.agentId,
      agent: parsed.data.agentId,
      callId,
      modes: parsed.data.modes,
      agentNotice: deps.agentNotice,
    },
    deps.privateKey,
    deps.now(),
  );
  return { status: 200, body: { token, expiresAt: claims.exp, callId, extension, modes: claims.modes } };
};
