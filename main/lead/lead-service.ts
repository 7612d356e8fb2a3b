import { z } from 'zod';
import type { DeskHandlers } from '../../preload/contract';
import { monitorGrantSchema, wallboardDeltaSchema, wallboardResponseSchema } from '../../preload/contract/lead-contract';
import { helpRequestSchema } from '../../preload/contract/help-contract';
import type { Logger } from '../log/logger';
import type { EventBus } from '../shared/event-bus';
import { PlatformError } from '../sync/platform-client';
import type { SyncService } from '../sync/sync-service';
import { kpiDefinitions } from './domain/kpi';
import { agentFigures, chinaDayStart } from './domain/agent-figures';
import type { DbClient } from '../db/db-client';
import type { SettingsService } from '../settings/settings-service';

const grantResponseSchema = monitorGrantSchema.extend({ platformId: z.string() });
const helpAnswerResponseSchema = z.object({ platformId: z.string(), request: helpRequestSchema });

/**
 * The contract's lead namespace: the wallboard for leads and admins. The platform decides who may
 * see it (it refuses anyone else); the console only spares an agent the request and the tab.
 */
export const createLeadService = (deps: {
  readonly sync: Pick<SyncService, 'platform' | 'access'>;
  readonly db: DbClient;
  readonly settings: Pick<SettingsService, 'current'>;
  readonly log: Logger;
}): DeskHandlers['lead'] => {
  const access = async () => (await deps.sync.access()) ?? { role: null, team: null };
  return {
    access,
    wallboard: async () => {
      const current = await access();
      const client = deps.sync.platform();
      const none = { access: current, snapshot: null, definitions: kpiDefinitions() };
      if (current.role !== 'lead' && current.role !== 'admin') return { ...none, error: null };
      if (!client) return { ...none, error: '尚未连接平台' };
      try {
        const { platformId: _platform, ...snapshot } = await client.call(
          '/v1/lead/wallboard',
          { method: 'GET' },
          wallboardResponseSchema,
        );
        return { access: current, snapshot, error: null, definitions: kpiDefinitions(snapshot.settings) };
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        deps.log.warn('lead.wallboard-failed', { kind: error.kind });
        return { ...none, error: error.kind === 'auth' ? '平台拒绝：本账号不是班长或管理员' : error.message };
      }
    },
    myFigures: async () => {
      const now = Date.now();
      const window = { from: chinaDayStart(now), to: new Date(now + 1).toISOString() };
      const agentId = (await deps.settings.current()).agentId;
      const rows = agentId
        ? await deps.db.repos.agentFigures.rows(agentId, window.from)
        : { calls: [], states: [], directOrders: 0, resolvedOrders: [] };
      return agentFigures(rows, window);
    },
    answerHelp: async ({ id, action }) => {
      const client = deps.sync.platform();
      if (!client) return { error: '尚未连接平台' };
      try {
        await client.call(`/v1/lead/help/${id}`, { method: 'POST', body: { action } }, helpAnswerResponseSchema);
        return { error: null };
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        deps.log.warn('lead.help-answer-failed', { kind: error.kind });
        return { error: error.message };
      }
    },
    monitorGrant: async ({ agentId }) => {
      const client = deps.sync.platform();
      if (!client) return { grant: null, error: '尚未连接平台' };
      try {
        const { platformId: _platform, ...grant } = await client.call(
          '/v1/lead/monitor-token',
          { method: 'POST', body: { agentId, modes: ['listen', 'whisper', 'barge'] } },
          grantResponseSchema,
        );
        return { grant, error: null };
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        deps.log.warn('lead.monitor-grant-failed', { kind: error.kind });
        return { grant: null, error: error.message };
      }
    },
  };
};

/** Live deltas are checked here before the renderer sees them: a malformed one is dropped (a snapshot heals). */
export const forwardWallboardDelta = (events: EventBus, log: Logger) => (raw: unknown) => {
  const parsed = wallboardDeltaSchema.safeParse(raw);
  if (parsed.success) events.emit('lead.wallboard', parsed.data);
  else log.warn('lead.delta-invalid', { issue: parsed.error.issues[0]?.path.join('.') ?? '' });
};
