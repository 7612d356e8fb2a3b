import { openProfileDb } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { CallContext, CallRecord, IntakeDraft, Result, ScoreCardView, ScreenPop } from '../../../../preload/contract';
import type { DeskServices } from '../../../../main/services';
import { completeIntakeForm } from '../../../harness/intake-form';
import { useTempDirs } from '../../../harness/temp-dir';
import { configureForOrders, startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

const unwrap = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

const trainingCall = (overrides: Partial<CallRecord> = {}): CallRecord => ({
  mos: null,
  id: '0192f0e4-6a1b-7c3d-8e4f-5a6b7c8d9e01',
  purpose: 'training',
  trainingScenarioId: 'noise-night-construction',
  sipCallId: 'x@citizen.invalid',
  direction: 'inbound',
  from: '<sip:13962100101@citizen.invalid>;tag=1',
  pAssertedIdentity: null,
  privacy: null,
  remoteNumber: '13962100101',
  ringAt: '2026-12-02T02:00:00.000Z',
  answerAt: '2026-12-02T02:00:04.000Z',
  endAt: '2026-12-02T02:01:30.000Z',
  endCause: 'agent_hangup',
  transferTarget: null,
  ...overrides,
});

const configure = (services: DeskServices) => configureForOrders(services, 'T-01');

/** The order of `call`, submitted through the contract as the intake form does. */
const submitFor = async (services: DeskServices, call: CallRecord, form = completeIntakeForm) => {
  unwrap(await services.dispatch('phone.recordCall', call, context));
  const draft = unwrap<IntakeDraft>(await services.dispatch('intake.openDraft', { callRef: call.id, fresh: false }, context));
  const submitted = unwrap<{ workOrderId: string }>(
    await services.dispatch('intake.submit', { draftId: draft.id, form, duplicateOf: null }, context),
  );
  return submitted.workOrderId;
};

const count = (profile: string, sql: string): number => {
  const db = openProfileDb(profile, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('a training profile (培训模式), real SQLite through the contract', () => {
  it('scores the order of a training call against its scenario and queues nothing for the platform', async () => {
    const profile = tempDir();
    const services = await startTestServices(profile, { profileKind: 'training' });
    try {
      expect(unwrap(await services.dispatch('app.info', undefined, context))).toMatchObject({ profileKind: 'training' });
      await configure(services);
      const form = {
        ...completeIntakeForm,
        categoryCode: '010101', // 养老保险 instead of 施工噪音
        regionCode: '320505002',
        content: '狮山路工地每天晚上十一点以后还在打桩施工。', // no duration
      };
      const workOrderId = await submitFor(services, trainingCall(), form);
      const card = unwrap<ScoreCardView>(await services.dispatch('training.score', { workOrderId }, context));
      const verdict = (field: string) => card.lines.find((line) => line.field === field)?.verdict;
      expect(card.scenarioTitle).toBe('夜间施工噪音');
      expect(verdict('category')).toBe('wrong');
      // Names, not codes, on the card.
      expect(card.lines.find((line) => line.field === 'category')).toMatchObject({
        expected: '城市管理 / 噪音扰民 / 施工噪音',
        given: '社会保障 / 社会保险 / 养老保险',
      });
      expect(verdict('place')).toBe('right');
      expect(verdict('keyFacts')).toBe('partial');
      expect(card.keyFacts.find((fact) => fact.label === '持续')).toEqual({ label: '持续', found: false });
      expect(card.times).toMatchObject({ answerS: 4, talkS: 86 });
      expect(card.points).toBeLessThan(card.max);
    } finally {
      await services.close();
    }
    expect(count(profile, "SELECT count(*) FROM work_orders WHERE created_by = 'T-01'")).toBe(1);
    expect(count(profile, 'SELECT count(*) FROM outbox')).toBe(0);
    expect(count(profile, 'SELECT count(*) FROM training_results')).toBe(1);
  });

  it('knows its simulated citizens before they ring: the repeat caller’s open order pops, once however often it starts', async () => {
    const profile = tempDir();
    for (let start = 0; start < 2; start += 1) await (await startTestServices(profile, { profileKind: 'training' })).close();
    const services = await startTestServices(profile, { profileKind: 'training' });
    try {
      const pop = unwrap<ScreenPop>(
        await services.dispatch('history.screenPop', { from: '<sip:13962100117@citizen.invalid>;tag=1' }, context),
      );
      expect(pop.caller?.name).toBe('何先生');
      expect(pop.openOrders).toHaveLength(1);
      expect(pop.openOrders[0]?.number).toMatch(/^320505\d{8}T\d{4}$/);
    } finally {
      await services.close();
    }
    expect(count(profile, "SELECT count(*) FROM work_orders WHERE created_by = 'training-scenario'")).toBe(1);
    expect(count(profile, 'SELECT count(*) FROM outbox')).toBe(0);
  });

  it('keeps a training call with a malformed scenario, without the scenario, and scores nothing', async () => {
    const profile = tempDir();
    const services = await startTestServices(profile, { profileKind: 'training' });
    try {
      await configure(services);
      const workOrderId = await submitFor(services, trainingCall({ trainingScenarioId: "x'; DROP TABLE calls" }));
      expect(unwrap(await services.dispatch('training.score', { workOrderId }, context))).toBeNull();
    } finally {
      await services.close();
    }
    expect(count(profile, "SELECT count(*) FROM calls WHERE purpose = 'training' AND training_scenario_id IS NULL")).toBe(1);
  });

  it('a profile keeps its kind: production data never opens as training, nor a training profile as production', async () => {
    const production = tempDir();
    const services = await startTestServices(production);
    try {
      await configure(services);
      // A citizen's call naming a scenario is still a citizen's call, and its order is not scored.
      const workOrderId = await submitFor(services, trainingCall({ purpose: 'citizen' }));
      expect(unwrap(await services.dispatch('training.score', { workOrderId }, context))).toBeNull();
    } finally {
      await services.close();
    }
    expect(count(production, 'SELECT count(*) FROM calls WHERE training_scenario_id IS NOT NULL')).toBe(0);
    await expect(startTestServices(production, { profileKind: 'training' })).rejects.toThrow(/生产配置，不能以培训模式打开/);
    expect(count(production, 'SELECT count(*) FROM work_orders')).toBe(1);
    expect(count(production, 'SELECT count(*) FROM outbox')).toBeGreaterThan(0);

    const training = tempDir();
    await (await startTestServices(training, { profileKind: 'training' })).close();
    await expect(startTestServices(training)).rejects.toThrow(/培训配置，不能用于接听真实来电/);
  });
});
