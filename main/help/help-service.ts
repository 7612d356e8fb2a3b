import { z } from 'zod';
import type { DeskHandlers } from '../../preload/contract';
import { type HelpRequest, helpRequestSchema } from '../../preload/contract/help-contract';
import { maskPhoneNumber, normalizePhoneNumber } from '../callers/domain/phone-number';
import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { DeskFailure } from '../shared/desk-failure';
import { uuidv7 } from '../shared/domain/uuid-v7';
import type { EventBus } from '../shared/event-bus';
import { PlatformError } from '../sync/platform-client';
import type { SyncService } from '../sync/sync-service';
import { advanceHelp } from './domain/help-answer';

/** An older request is history: the console shows only what is still worth a glance. */
const LATEST_WITHIN_MS = 8 * 3_600_000;
/** The call a request names is on screen (the renderer passes its id) or ended this recently. */
const RECENT_CALLS = 5;
const AFTER_CALL_MS = 10 * 60_000;

const mineResponseSchema = z.object({ platformId: z.string(), requests: z.array(helpRequestSchema).max(100) });

/**
 * 求助 on the agent's console: raised into SQLite and the outbox together (so it survives the
 * platform, the network or the PC going down), answered by the lead through the live channel —
 * each answer checked and applied only forwards.
 */
export const createHelpService = (deps: {
  readonly db: DbClient;
  readonly settings: Pick<SettingsService, 'current'>;
  readonly sync: Pick<SyncService, 'platform'>;
  readonly events: EventBus;
  readonly log: Logger;
}) => {
  const { db, events, log } = deps;

  const callerOf = async (callId: string | null) => {
    const recent = await db.repos.phone.recentCalls(RECENT_CALLS);
    const call =
      callId === null
        ? recent.find((past) => past.endAt !== null && Date.now() - Date.parse(past.endAt) < AFTER_CALL_MS)
        : recent.find((past) => past.id === callId);
    if (!call || call.purpose === 'training' || call.purpose === 'monitor') return null;
    const number = normalizePhoneNumber(call.remoteNumber ?? '');
    const masked =
      call.confidential || number.kind === 'unknown'
        ? '***'
        : number.kind === 'withheld'
          ? '未显示号码'
          : maskPhoneNumber(number);
    return { callId: call.id, callSince: Date.parse(call.answerAt ?? call.ringAt), callerMasked: masked };
  };

  const applyAnswer = async (answer: HelpRequest): Promise<void> => {
    const current = await db.repos.help.byId(answer.id);
    const next = current ? advanceHelp(current, answer) : null;
    if (!next) return;
    await db.repos.help.answered(next);
    log.info('help.answered', { status: next.status });
    events.emit('help.changed', next);
  };

  const handlers: DeskHandlers['help'] = {
    raise: async ({ note, callId, callInProgress }) => {
      const agentId = (await deps.settings.current()).agentId;
      if (!agentId) throw new DeskFailure('INVALID_INPUT', '请先在“设置”中填写坐席工号');
      const call = await callerOf(callId);
      const request: HelpRequest = {
        id: uuidv7(),
        agentId,
        team: null,
        note: note === '' ? null : note,
        status: 'raised',
        raisedAt: Date.now(),
        acknowledgedAt: null,
        resolvedAt: null,
        answeredBy: null,
        callId: call?.callId ?? null,
        callSince: call?.callSince ?? null,
        callInProgress: call !== null && callInProgress,
        callerMasked: call?.callerMasked ?? null,
      };
      await db.repos.help.raise(request);
      log.info('help.raised', { withCall: call !== null, withNote: request.note !== null });
      events.emit('help.changed', request);
      return request;
    },
    latest: async () => db.repos.help.latest(new Date(Date.now() - LATEST_WITHIN_MS).toISOString()),
  };

  return {
    handlers,
    /** A frame of the live channel: validated here; a malformed one is dropped (the next refresh heals). */
    answerReceived: (raw: unknown): void => {
      const parsed = helpRequestSchema.safeParse(raw);
      if (!parsed.success) return log.warn('help.answer-invalid', { issue: parsed.error.issues[0]?.path.join('.') ?? '' });
      void applyAnswer(parsed.data).catch((error: unknown) =>
        log.warn('help.apply-failed', { error: String(error).slice(0, 120) }),
      );
    },
    /** Answers given while the channel was down: asked for whenever it comes back. */
    refresh: async (): Promise<void> => {
      const client = deps.sync.platform();
      if (!client) return;
      try {
        const { requests } = await client.call('/v1/help/mine', { method: 'GET' }, mineResponseSchema);
        for (const request of requests) await applyAnswer(request);
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        log.warn('help.refresh-failed', { kind: error.kind });
      }
    },
  };
};
export type HelpService = ReturnType<typeof createHelpService>;
