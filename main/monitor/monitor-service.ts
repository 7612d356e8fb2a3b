import { type KeyObject, createPublicKey } from 'node:crypto';
import { z } from 'zod';
import type { DeskHandlers } from '../../preload/contract';
import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import type { PlatformClient } from '../sync/platform-client';
import { PlatformError } from '../sync/platform-client';
import type { SyncService } from '../sync/sync-service';
import { verifyMonitorToken } from './domain/monitor-token';

const keyResponseSchema = z.object({ platformId: z.string(), publicKey: z.string().max(200) });

/**
 * The console's half of a monitoring permission: the platform's public key (asked once per
 * platform connection), the token ids already used (kept until they expire), and an audit entry
 * for every INVITE checked, accepted or refused.
 */
export const createMonitorService = (deps: {
  readonly db: DbClient;
  readonly settings: Pick<SettingsService, 'current'>;
  readonly sync: Pick<SyncService, 'platform'>;
  readonly log: Logger;
  readonly now?: () => number;
}): DeskHandlers['monitor'] => {
  const now = deps.now ?? Date.now;
  const used = new Map<string, number>();
  let key: { client: PlatformClient; key: KeyObject } | null = null;

  const platformKey = async (): Promise<KeyObject | null> => {
    const client = deps.sync.platform();
    if (!client) return null;
    if (key?.client === client) return key.key;
    try {
      const { publicKey } = await client.call('/v1/monitor/key', { method: 'GET' }, keyResponseSchema);
      key = { client, key: createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }) };
      return key.key;
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      deps.log.warn('monitor.key-unavailable', { kind: error.kind });
      return null;
    }
  };

  const seen = (jti: string, exp: number): boolean => {
    for (const [id, expiry] of used) if (expiry <= now()) used.delete(id);
    if (used.has(jti)) return true;
    used.set(jti, exp);
    return false;
  };

  return {
    checkInvite: async ({ token, callId }) => {
      const agentId = (await deps.settings.current()).agentId;
      const publicKey = await platformKey();
      const verdict = publicKey
        ? verifyMonitorToken(token, { publicKey, agent: agentId, callId, now: now(), seen })
        : ({ ok: false, reason: 'no-platform-key' } as const);
      const at = new Date(now()).toISOString();
      if (!verdict.ok) {
        await deps.db.repos.audit.append({
          actor: agentId || 'unconfigured',
          action: 'monitor_refused',
          screen: 'phone',
          detail: verdict.reason,
          at,
        });
        deps.log.warn('monitor.refused', { reason: verdict.reason });
        return { accepted: false, reason: verdict.reason };
      }
      const { lead, modes, agentNotice } = verdict.claims;
      await deps.db.repos.audit.append({
        actor: agentId,
        action: 'monitor_accepted',
        screen: 'phone',
        detail: `lead ${lead}; call ${callId}; modes ${modes.join(',')}`,
        at,
      });
      return { accepted: true, lead, modes, agentNotice };
    },
    segmentEnded: async ({ lead, callId, mode, startedAt, endedAt, sessionEnded }) => {
      const agentId = (await deps.settings.current()).agentId;
      const seconds = Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000));
      await deps.db.repos.audit.append({
        actor: agentId || 'unconfigured',
        action: sessionEnded ? 'monitor_ended' : 'monitor_mode',
        screen: 'phone',
        detail: `lead ${lead}; call ${callId}; ${mode} ${startedAt} – ${endedAt} (${seconds} s)`,
        at: endedAt,
      });
    },
  };
};
