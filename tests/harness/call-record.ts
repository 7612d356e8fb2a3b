import { randomUUID } from 'node:crypto';
import type { CallRecord } from '../../preload/contract';

/** A citizen's carrier call as the softphone records it, answered and still going unless overridden. */
export const citizenCallRecord = (remoteNumber: string, overrides: Partial<CallRecord> = {}): CallRecord => {
  const id = overrides.id ?? randomUUID();
  const at = new Date().toISOString();
  return {
    id,
    purpose: 'citizen',
    trainingScenarioId: null,
    mos: null,
    sipCallId: `${id}@pbx`,
    direction: 'inbound',
    from: `<sip:${remoteNumber}@carrier.example>;tag=1`,
    pAssertedIdentity: null,
    privacy: null,
    remoteNumber,
    ringAt: at,
    answerAt: at,
    endAt: null,
    endCause: null,
    transferTarget: null,
    ...overrides,
  };
};
