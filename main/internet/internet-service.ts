import type { DeskHandlers, InternetItemView } from '../../preload/contract';
import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { DeskFailure } from '../shared/desk-failure';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { normalizePhoneNumber } from '../callers/domain/phone-number';
import { PlatformError } from '../sync/platform-client';
import type { SyncService } from '../sync/sync-service';
import { intakeProblems, intakeRulesOf } from '../workorders/domain/intake-validation';
import type { IntakeReference } from '../workorders/intake-reference-data';
import type { DataCatalogue } from '../workorders/domain/data-catalogue';
import { emptyForm } from '../workorders/intake-service';
import {
  type InternetItemRecord,
  internetAskResponseSchema,
  internetCallbackResponseSchema,
  internetQueueResponseSchema,
  internetTakeResponseSchema,
} from './protocol/internet-protocol';
import { internetCallRef } from './domain/internet-call-ref';

/**
 * The contract's internet namespace: the 网络诉求 queue, taking a request (exclusive: the platform
 * decides), asking the citizen. A taken request becomes an intake draft linked by its call
 * reference (`internet:<id>`); submitting that draft queues the completion in the same transaction
 * (intake-repo), so the platform learns of it even when the console was offline at that moment.
 */
export type InternetService = DeskHandlers['internet'];

const formOf = (item: InternetItemRecord) => ({
  ...emptyForm(false),
  channel: item.channel,
  requestType: item.submission.requestType,
  categoryCode: item.submission.categoryCode,
  regionCode: item.submission.regionCode,
  address: item.submission.address,
  callerName: item.submission.contactName,
  contactNumber: item.submission.contactNumber,
  title: item.submission.title,
  content: item.submission.content,
  // The department finds the citizen's files with the order on the platform; the note says they exist.
  dispatchNote:
    item.attachments.length > 0
      ? `市民提交附件 ${item.attachments.length} 个：${item.attachments.map((file) => file.name).join('、')}`
      : '',
});

export const createInternetService = (deps: {
  readonly db: DbClient;
  readonly sync: Pick<SyncService, 'platform'>;
  readonly reference: () => IntakeReference;
  readonly settings: Pick<SettingsService, 'current'>;
  readonly catalogue?: () => DataCatalogue;
  readonly log: Logger;
}): InternetService => {
  const { db, sync, log } = deps;
  const rules = () => intakeRulesOf(deps.reference(), deps.catalogue?.());
  const platform = () => {
    const client = sync.platform();
    if (!client) throw new DeskFailure('PLATFORM_UNAVAILABLE', '尚未登录平台：网络诉求需要在线受理');
    return client;
  };
  const failure = (error: unknown): never => {
    if (error instanceof PlatformError && error.kind === 'refused') throw new DeskFailure('CONFLICT', error.message);
    if (error instanceof PlatformError) throw new DeskFailure('PLATFORM_UNAVAILABLE', error.message);
    throw error;
  };
  const view = (item: InternetItemRecord, agentId: string | null): InternetItemView => ({
    id: item.id,
    channel: item.channel,
    receivedAt: item.receivedAt,
    status: item.status,
    mine: item.takenBy !== null && item.takenBy === agentId,
    title: item.submission.title,
    content: item.submission.content,
    // Only the citizen's own items: the agent's classification and handling are the intake's to check.
    missing: intakeProblems(formOf(item), rules())
      .filter((problem) => !['leadDepartment', 'handlingMode', 'reply', 'urgency'].includes(problem.field))
      .map(({ field, message }) => ({ field, message })),
    questions: item.questions,
    attachments: item.attachments,
  });

  return {
    queue: async () => {
      const client = sync.platform();
      if (!client) return { state: 'signed-out', error: null, items: [], figures: null };
      try {
        const answer = await client.call('/v1/internet/items', { method: 'GET' }, internetQueueResponseSchema);
        const { agentId } = await deps.settings.current();
        return { state: 'ok', error: null, items: answer.items.map((item) => view(item, agentId)), figures: answer.figures };
      } catch (error) {
        if (error instanceof PlatformError) return { state: 'offline', error: error.message, items: [], figures: null };
        throw error;
      }
    },

    take: async ({ itemId }) => {
      const taken = await platform()
        .call(`/v1/internet/items/${itemId}/take`, { method: 'POST', body: {} }, internetTakeResponseSchema)
        .catch(failure);
      const callRef = internetCallRef(taken.item.id);
      const existing = await db.repos.intake.draftForCall(callRef);
      if (existing) return { draftId: existing.id, callRef };
      const id = uuidv7();
      await db.repos.intake.createDraft({
        id,
        callRef,
        formJson: JSON.stringify(formOf(taken.item)),
        at: new Date().toISOString(),
      });
      log.info('internet.taken', { channel: taken.item.channel });
      return { draftId: id, callRef };
    },

    callBack: async ({ itemId }) => {
      const phoned = await platform()
        .call(`/v1/internet/items/${itemId}/callbacks`, { method: 'POST', body: {} }, internetCallbackResponseSchema)
        .catch(failure);
      const number = normalizePhoneNumber(phoned.contactNumber);
      if (number.key === null) throw new DeskFailure('INVALID_INPUT', '这条诉求没有可拨打的联系电话，请向市民询问');
      log.info('internet.called-back', {});
      return { number: number.key, at: phoned.at };
    },

    ask: async ({ itemId, text }) => {
      const asked = await platform()
        .call(`/v1/internet/items/${itemId}/questions`, { method: 'POST', body: { text } }, internetAskResponseSchema)
        .catch(failure);
      log.info('internet.asked', {});
      return asked.question;
    },
  };
};
