import { describe, expect, it } from 'vitest';
import { type ScoredResult, trainingReport, trainingReportCsv } from '../../../../main/training/domain/training-report';

const result = (overrides: Partial<ScoredResult>): ScoredResult => ({
  at: '2026-12-02T02:00:00.000Z',
  trainee: 'T-01',
  scenarioId: 'noise-night-construction',
  scenarioTitle: '夜间施工噪音',
  businessType: '噪音扰民',
  points: 80,
  max: 100,
  verdicts: { requestType: 'right', category: 'right', keyFacts: 'partial' },
  ...overrides,
});

describe("the trainer's report", () => {
  it('puts the business type the team scores worst on first, with the field most often not right', () => {
    const report = trainingReport([
      result({}),
      result({ trainee: 'T-02', points: 60, verdicts: { category: 'wrong', keyFacts: 'partial' } }),
      result({
        businessType: '社会保险',
        scenarioTitle: '养老金',
        points: 40,
        verdicts: { category: 'wrong', handling: 'wrong' },
      }),
      result({
        businessType: '社会保险',
        scenarioTitle: '养老金',
        trainee: 'T-02',
        points: 50,
        verdicts: { category: 'partial' },
      }),
    ]);
    expect(report.attempts).toBe(4);
    expect(report.businessTypes).toEqual([
      { businessType: '社会保险', attempts: 2, trainees: 2, averagePercent: 45, weakestField: 'category' },
      { businessType: '噪音扰民', attempts: 2, trainees: 2, averagePercent: 70, weakestField: 'keyFacts' },
    ]);
    expect(report.trainees).toEqual([
      { trainee: 'T-02', attempts: 2, averagePercent: 55 },
      { trainee: 'T-01', attempts: 2, averagePercent: 60 },
    ]);
  });

  it('says no weakest field when everything was right, and is empty without results', () => {
    expect(trainingReport([result({ verdicts: { category: 'right' } })]).businessTypes[0]?.weakestField).toBeNull();
    expect(trainingReport([])).toEqual({ attempts: 0, businessTypes: [], trainees: [] });
  });

  it('writes a CSV a Chinese Excel reads, where no cell can be taken for a formula', () => {
    const csv = trainingReportCsv([result({ trainee: '=HYPERLINK("x")', scenarioTitle: '噪音, 夜间' })]);
    expect(csv.startsWith('\ufeff时间,学员,场景,业务类型,得分,满分,诉求类型,诉求分类')).toBe(true);
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('"噪音, 夜间"');
    expect(row).toContain(',80,100,正确,正确,');
    expect(row).toContain('部分正确');
  });
});
