import { SCENARIO_ID_PATTERN } from '../../preload/contract/training-contract';
import type { DeskHandlers } from '../../preload/contract';
import type { PhonePreferences } from '../../preload/contract/phone-contract';
import type { DbClient } from '../db/db-client';
import { DeskFailure } from '../shared/desk-failure';
import { maskPhoneNumber, normalizePhoneNumber } from '../callers/domain/phone-number';
import { callerIdentityFromInvite, privacyRequested } from '../callers/domain/sip-identity';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { EXTENSION_PATTERN } from '../sync/protocol/stream-records';
import { phonePreferencesFrom } from './domain/phone-preferences';

/** Stored beside the settings rows under its own key: the settings form does not own it. */
const PREFERENCES_KEY = 'phonePreferences';

/** The contract's phone namespace, implemented here: a new contract method is written once, in the contract. */
export type PhoneService = DeskHandlers['phone'];

export const createPhoneService = (deps: {
  readonly db: DbClient;
  readonly settings: SettingsService;
  readonly secrets: SecretStore;
  readonly log: Logger;
}): PhoneService => {
  const { db, settings, secrets, log } = deps;

  const preferences = async (): Promise<PhonePreferences> =>
    phonePreferencesFrom((await db.repos.settings.readAll())[PREFERENCES_KEY]);

  return {
    account: async () => {
      const current = await settings.current();
      return {
        servers: current.pbxServers,
        extension: current.sipExtension,
        authUser: current.sipAuthUser || current.sipExtension,
        displayName: current.displayName,
        password: await secrets.get('sipPassword'),
        agentId: current.agentId,
        preferences: await preferences(),
      };
    },
    savePreferences: async (next) => {
      await db.repos.settings.writeAll({ [PREFERENCES_KEY]: next });
      log.info('phone.preferences-saved');
      return next;
    },
    recordCall: async (record) => {
      const current = await settings.current();
      // The same rule as the screen-pop: the carrier's P-Asserted-Identity wins over From.
      const identity =
        record.direction === 'inbound'
          ? callerIdentityFromInvite({ from: record.from ?? undefined, pAssertedIdentity: record.pAssertedIdentity ?? undefined })
          : null;
      await db.repos.phone.recordCall(
        {
          id: record.id,
          sipCallId: record.sipCallId,
          direction: record.direction,
          callerKey: identity?.number.key ?? null,
          remoteNumber: identity?.number.key ?? record.remoteNumber,
          localNumber: current.sipExtension || null,
          agentId: current.agentId || null,
          ringAt: record.ringAt,
          answerAt: record.answerAt,
          endAt: record.endAt,
          endCause: record.endCause,
          transferTarget: record.transferTarget,
          privacyRequested: record.direction === 'inbound' && privacyRequested(record.privacy),
          purpose: record.purpose,
          // A scenario names what a training call plays; on any other call it means nothing.
          trainingScenarioId:
            record.purpose === 'training' && SCENARIO_ID_PATTERN.test(record.trainingScenarioId ?? '')
              ? record.trainingScenarioId
              : null,
          mos: record.mos,
        },
        new Date().toISOString(),
      );
      return { id: record.id };
    },
    recentCalls: async ({ limit }) =>
      (await db.repos.phone.recentCalls(limit)).map(({ confidential, privacyRequested: _privacy, ...call }) => ({
        ...call,
        remoteNumber:
          confidential && call.remoteNumber ? maskPhoneNumber(normalizePhoneNumber(call.remoteNumber)) : call.remoteNumber,
        masked: confidential && call.remoteNumber !== null,
      })),
    agentStateChanged: async (change) => {
      const id = uuidv7();
      const current = await settings.current();
      // A state without an agent is useless to the platform's queues and reports, and was once sent.
      if (!current.agentId) throw new DeskFailure('INVALID_INPUT', '请先在“设置”中填写坐席工号');
      const extension = EXTENSION_PATTERN.test(current.sipExtension) ? current.sipExtension : null;
      await db.repos.phone.recordAgentState({ id, agentId: current.agentId, ...change, extension });
      log.info('phone.agent-state', { state: change.state, phoneRegistered: change.phoneRegistered });
      return { id };
    },
  };
};
