/**
 * What a training profile knows of its simulated citizens before they ring: a caller row each, and
 * for a repeat caller the open orders they chase (the screen-pop shows them, the trainee links the
 * new order as 重复件). Pure: scenarios and the clock in, rows to write out.
 */
import { normalizePhoneNumber } from '../../callers/domain/phone-number';
import type { Scenario } from './scenario';

/** A simulated citizen's history, as a training profile shows it when they ring (screen-pop). */
export interface PersonaSeed {
  readonly numberKey: string;
  readonly numberKind: 'mobile' | 'landline';
  readonly name: string;
  readonly regionCode: string;
  readonly confidential: boolean;
  readonly openOrders: readonly {
    readonly number: string;
    readonly requestType: string;
    readonly categoryCode: string;
    readonly title: string;
    readonly content: string;
    readonly leadDepartment: string | null;
    readonly deadlineAt: string | null;
    readonly createdAt: string;
  }[];
}

const DAY_MS = 24 * 3600 * 1000;

export const personaSeeds = (
  scenarios: readonly Scenario[],
  deps: {
    readonly now: Date;
    readonly categoryName: (code: string) => string | null;
    readonly deadlineAt: (order: { requestType: string; categoryCode: string; createdAt: Date }) => string | null;
  },
): PersonaSeed[] => {
  let sequence = 0;
  return scenarios.flatMap((scenario): PersonaSeed[] => {
    const number = normalizePhoneNumber(scenario.persona.number);
    if (number.kind !== 'mobile' && number.kind !== 'landline') return [];
    const { expected, persona } = scenario;
    const openOrders = Array.from({ length: persona.openOrders }, (_, index) => {
      const created = new Date(deps.now.getTime() - (5 + index * 3) * DAY_MS);
      sequence += 1;
      return {
        // Order numbers of the drill: the region, the date, T for training, so they never look real.
        number: `${persona.regionCode.slice(0, 6)}${created.toISOString().slice(0, 10).replace(/-/g, '')}T${String(sequence).padStart(4, '0')}`,
        requestType: expected.requestType,
        categoryCode: expected.categoryCode,
        title: deps.categoryName(expected.categoryCode) ?? scenario.title,
        content: scenario.turns[0] ?? scenario.title,
        leadDepartment: expected.handling.mode === 'dispatch' ? expected.handling.leadDepartment : null,
        deadlineAt: deps.deadlineAt({
          requestType: expected.requestType,
          categoryCode: expected.categoryCode,
          createdAt: created,
        }),
        createdAt: created.toISOString(),
      };
    });
    return [
      {
        numberKey: number.key,
        numberKind: number.kind,
        name: persona.name,
        regionCode: persona.regionCode,
        confidential: persona.confidential,
        openOrders,
      },
    ];
  });
};
