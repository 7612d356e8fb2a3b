import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import categoryFile from '../../../../main/data/intake/categories.json';
import intakeConfig from '../../../../main/data/intake/intake-config.json';
import regionFile from '../../../../main/data/regions/jiangsu-pcas-code.json';
import { type TraineeOrder, scoreOrder } from '../../../../main/training/domain/score-order';
import type { Scenario } from '../../../../main/training/domain/scenario';
import { scenarioFileSchema } from '../../../../main/training/domain/scenario';
import { bundledScenarios } from '../../../../main/training/training-scenarios';

const scenarios = bundledScenarios();
const byId = (id: string): Scenario => {
  const found = scenarios.find((scenario) => scenario.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** The order a careful call-taker registers for the night-construction scenario. */
const perfect: TraineeOrder = {
  requestType: '投诉',
  categoryCode: '040101',
  regionCode: '320505002',
  urgency: 'normal',
  confidential: false,
  title: '狮山路工地夜间施工噪音扰民',
  content: '来电人反映狮山路与长江路路口工地每天晚上十一点后仍在打桩施工，已持续一个星期，影响休息，请求处理。',
  handlingMode: 'dispatch',
  citedEntryId: null,
  leadDepartment: '城市管理局',
};
const times = { answerS: 3, talkS: 95, wrapUpS: 40, transferTarget: null };
const deadline = { expected: '3 个工作日', given: '3 个工作日' };

describe('training score card', () => {
  it('a careful order scores full marks, field by field', () => {
    const card = scoreOrder({ scenario: byId('noise-night-construction'), order: perfect, deadlineBasis: deadline, times });
    expect(card.points).toBe(card.max);
    expect(card.max).toBe(100);
    expect(card.lines.every((line) => line.verdict === 'right')).toBe(true);
    expect(card.keyFacts.every((fact) => fact.found)).toBe(true);
  });

  it('a wrong category in the right branch gets partial credit; a missing key fact is named; a wrong urgency is wrong', () => {
    const card = scoreOrder({
      scenario: byId('noise-night-construction'),
      order: {
        ...perfect,
        categoryCode: '040103',
        urgency: 'urgent',
        content: '来电人反映狮山路工地晚上打桩施工。',
        title: '施工噪音',
      },
      deadlineBasis: { expected: '3 个工作日', given: '紧急：24 小时' },
      times,
    });
    const verdict = Object.fromEntries(card.lines.map((line) => [line.field, line]));
    expect(verdict.category).toMatchObject({ verdict: 'partial', points: 10, max: 20 });
    expect(verdict.urgency).toMatchObject({ verdict: 'wrong', points: 0 });
    expect(verdict.deadline).toMatchObject({ verdict: 'wrong', given: '紧急：24 小时' });
    expect(card.keyFacts).toEqual([
      { label: '地点', found: true },
      { label: '时间', found: true },
      { label: '施工', found: true },
      { label: '持续', found: false },
    ]);
    expect(verdict.keyFacts).toMatchObject({ verdict: 'partial', points: 19 });
    expect(card.points).toBe(100 - 10 - 10 - 5 - 6);
  });

  it('a category only in the right top level earns a quarter; another branch earns nothing; empty is missing', () => {
    const scenario = byId('noise-night-construction');
    const category = (categoryCode: string) =>
      scoreOrder({ scenario, order: { ...perfect, categoryCode }, deadlineBasis: deadline, times }).lines.find(
        (line) => line.field === 'category',
      );
    expect(category('040201')).toMatchObject({ verdict: 'partial', points: 5 });
    expect(category('050101')).toMatchObject({ verdict: 'wrong', points: 0 });
    expect(category('')).toMatchObject({ verdict: 'missing', points: 0 });
  });

  it('key facts are found whatever the spacing, punctuation or full-width digits', () => {
    const card = scoreOrder({
      scenario: byId('wage-arrears'),
      order: {
        ...perfect,
        requestType: '投诉',
        categoryCode: '060101',
        regionCode: '320505400',
        title: '恒 达 电子拖欠工资',
        content: '已拖欠３个月，十几个工人。',
        leadDepartment: '人力资源和社会保障局',
      },
      deadlineBasis: { expected: '5 个工作日', given: '5 个工作日' },
      times,
    });
    expect(card.keyFacts.every((fact) => fact.found)).toBe(true);
  });

  it('a direct answer must cite the scenario’s entry for full marks; dispatching it instead is wrong', () => {
    const scenario = byId('housing-fund-rent');
    const order: TraineeOrder = {
      ...perfect,
      requestType: '咨询',
      categoryCode: '020101',
      regionCode: '320505407',
      title: '租房提取公积金咨询',
      content: '来电人咨询租房能否提取公积金。',
      handlingMode: 'direct',
      citedEntryId: 'sample-sz-gjj-rent',
      leadDepartment: '',
    };
    const handling = (changes: Partial<TraineeOrder>) =>
      scoreOrder({
        scenario,
        order: { ...order, ...changes },
        deadlineBasis: { expected: '1 个工作日', given: '1 个工作日' },
        times,
      }).lines.find((line) => line.field === 'handling');
    expect(handling({})).toMatchObject({ verdict: 'right', points: 15 });
    expect(handling({ citedEntryId: 'sample-sz-gjj-loan' })).toMatchObject({ verdict: 'partial', points: 8 });
    expect(handling({ handlingMode: 'dispatch', leadDepartment: '住房公积金管理中心' })).toMatchObject({
      verdict: 'wrong',
      points: 0,
    });
  });

  it('an emergency counts only when the call was handed to the right desk', () => {
    const scenario = byId('emergency-fight-110');
    const handling = (transferTarget: string | null) =>
      scoreOrder({ scenario, order: perfect, deadlineBasis: deadline, times: { ...times, transferTarget } }).lines.find(
        (line) => line.field === 'handling',
      );
    expect(handling('110')).toMatchObject({ verdict: 'right' });
    expect(handling('120')).toMatchObject({ verdict: 'wrong' });
    expect(handling(null)).toMatchObject({ verdict: 'missing' });
  });

  it('a confidential report registered in the open loses the confidentiality points', () => {
    const card = scoreOrder({ scenario: byId('report-illegal-building'), order: perfect, deadlineBasis: deadline, times });
    expect(card.lines.find((line) => line.field === 'confidential')).toMatchObject({ verdict: 'wrong', expected: '保密' });
  });
});

describe('bundled training scenarios', () => {
  const categories = new Set<string>();
  const walk = (nodes: readonly { code: string; children?: unknown[] }[]): void =>
    nodes.forEach((node) => {
      categories.add(node.code);
      if (node.children) walk(node.children as { code: string; children?: unknown[] }[]);
    });
  walk(categoryFile.categories);
  const regions = new Set<string>();
  const walkRegions = (nodes: readonly { code: string; children?: unknown[] }[]): void =>
    nodes.forEach((node) => {
      regions.add(node.code);
      if (node.children) walkRegions(node.children as { code: string; children?: unknown[] }[]);
    });
  walkRegions(regionFile as unknown as { code: string }[]);
  const kbIds = new Set(
    ['demo-suzhou-samples.jsonl', 'gov-service-items.jsonl'].flatMap((file) =>
      readFileSync(new URL(`../../../../main/data/kb/${file}`, import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
    ),
  );

  it('at least 20 scenarios over the common business types, each pointing at real categories, places, departments and entries', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
    expect(new Set(scenarios.map((scenario) => scenario.businessType)).size).toBeGreaterThanOrEqual(12);
    for (const scenario of scenarios) {
      expect(categories.has(scenario.expected.categoryCode), scenario.id).toBe(true);
      expect(regions.has(scenario.expected.regionCode), scenario.id).toBe(true);
      const handling = scenario.expected.handling;
      if (handling.mode === 'dispatch') expect(intakeConfig.departments, scenario.id).toContain(handling.leadDepartment);
      if (handling.mode === 'direct' && handling.citedEntryId) expect(kbIds.has(handling.citedEntryId), scenario.id).toBe(true);
      // Every key fact is something the citizen actually says.
      for (const fact of scenario.expected.keyFacts)
        expect(
          fact.anyOf.some((phrase) => scenario.turns.join('').includes(phrase)),
          `${scenario.id}: ${fact.label}`,
        ).toBe(true);
    }
    const modes = new Set(scenarios.map((scenario) => scenario.expected.handling.mode));
    expect([...modes].sort()).toEqual(['direct', 'dispatch', 'transfer']);
    expect(scenarios.some((scenario) => scenario.expected.confidential)).toBe(true);
    expect(scenarios.some((scenario) => scenario.persona.openOrders > 0)).toBe(true);
  });

  it('a scenario file with a duplicate id or a bad code is refused with the reason', () => {
    const [first] = scenarios;
    const duplicate = scenarioFileSchema.safeParse([first, first]);
    expect(duplicate.success).toBe(false);
    expect(duplicate.error?.issues[0]?.message).toMatch(/场景编号重复/);
    const badCode = scenarioFileSchema.safeParse([{ ...first, expected: { ...first!.expected, categoryCode: '4' } }]);
    expect(badCode.error?.issues[0]?.message).toMatch(/分类代码/);
  });
});
