import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter } from '../../../../main/enterprise/domain/credit-code';
import { enterpriseClocks } from '../../../../main/enterprise/domain/enterprise-clocks';
import { intakeProblems } from '../../../../main/workorders/domain/intake-validation';
import { bundledCalendar } from '../../../../main/workorders/domain/holiday-calendar';
import { loadIntakeReference } from '../../../../main/workorders/intake-reference-data';
import { completeIntakeForm } from '../../../harness/intake-form';

// The example printed in GB 32100-2015, and codes whose check character is worked out below.
const STANDARD_EXAMPLE = '91350100M000100Y43';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts the standard’s example and computes its check character by hand', () => {
    // Σ code × 3^(i-1) mod 31 over the first 17, then 31 − (Σ mod 31): 9·1 + 1·3 + 3·9 + 5·27 + … → "3".
    expect(creditCodeCheckCharacter(STANDARD_EXAMPLE.slice(0, 17))).toBe('3');
    expect(checkCreditCode(STANDARD_EXAMPLE)).toEqual({ ok: true, code: STANDARD_EXAMPLE });
  });

  it('takes what an agent types: lower case, spaces and dashes', () => {
    expect(checkCreditCode(' 91350100-m000 100y43 ')).toEqual({ ok: true, code: STANDARD_EXAMPLE });
  });

  it('refuses a wrong check digit, saying which one the first 17 call for', () => {
    const wrong = checkCreditCode('91350100M000100Y44');
    expect(wrong).toEqual({ ok: false, message: expect.stringContaining('第 18 位应为“3”') as unknown });
  });

  it('refuses a wrong length, a letter the code never uses and a division that is not digits', () => {
    expect(checkCreditCode('91350100M000100Y4')).toMatchObject({
      ok: false,
      message: expect.stringContaining('18 位，现在是 17 位'),
    });
    expect(checkCreditCode('91350100M0O0100Y43')).toMatchObject({ ok: false, message: expect.stringContaining('“O”') });
    expect(checkCreditCode('9135A100M000100Y43')).toMatchObject({ ok: false, message: expect.stringContaining('行政区划代码') });
    expect(checkCreditCode('')).toMatchObject({ ok: false });
  });

  it('one changed character anywhere is caught', () => {
    for (let position = 0; position < 17; position += 1) {
      const changed =
        STANDARD_EXAMPLE.slice(0, position) +
        (STANDARD_EXAMPLE[position] === '1' ? '2' : '1') +
        STANDARD_EXAMPLE.slice(position + 1);
      expect(checkCreditCode(changed).ok, changed).toBe(false);
    }
  });
});

describe('the clocks of a 一企来 handling mode', () => {
  const mode = {
    code: 'direct',
    group: '责任单位',
    name: '直接办',
    contactHours: 1,
    progressWorkingDays: 3,
    closeWorkingDays: 5,
  };

  it('on a Friday afternoon: contact in an hour, progress and close counted over the weekend', () => {
    // 2026-12-04 is a Friday; 16:30 in China. Working days after it: Mon 7, Tue 8, Wed 9 | Thu 10, Fri 11.
    const clocks = enterpriseClocks(new Date('2026-12-04T08:30:00Z'), mode, bundledCalendar);
    expect(clocks).toEqual([
      { kind: 'contact', dueAt: '2026-12-04T09:30:00.000Z', basis: '1 小时' },
      { kind: 'progress', dueAt: '2026-12-09T15:59:59.000Z', basis: '3 个工作日' },
      { kind: 'close', dueAt: '2026-12-11T15:59:59.000Z', basis: '5 个工作日' },
    ]);
  });

  it('on New Year’s Eve: the 元旦 days off are skipped and the Sunday made a working day counts', () => {
    // 2026-01-01..03 off, Sunday 01-04 a working day: Sun 4, Mon 5, Tue 6 | Wed 7, Thu 8.
    const clocks = enterpriseClocks(new Date('2025-12-31T02:00:00Z'), mode, bundledCalendar);
    expect(clocks.map((clock) => clock.dueAt)).toEqual([
      '2025-12-31T03:00:00.000Z',
      '2026-01-06T15:59:59.000Z',
      '2026-01-08T15:59:59.000Z',
    ]);
  });
});

describe('an enterprise request at intake', () => {
  const reference = loadIntakeReference();
  const rules = { config: reference.config, categories: reference.categoryByCode, regionCodes: reference.regionCodes };
  const enterprise = {
    ...completeIntakeForm,
    channel: '一企来',
    enterpriseName: '扬州市某某机械制造有限公司',
    creditCode: STANDARD_EXAMPLE,
    enterpriseMode: 'joint',
  };

  it('ships the eight handling modes', () => {
    expect(reference.config.enterpriseModes.map((known) => `${known.group}${known.name}`)).toEqual([
      '市领导签批办',
      '市领导协调办',
      '责任单位直接办',
      '责任单位会同办',
      '专职队伍上门办',
      '专职队伍帮代办',
      '监督机构督促办',
      '监督机构跟踪办',
    ]);
  });

  it('passes complete, and names each missing or wrong enterprise field', () => {
    expect(intakeProblems(enterprise, rules)).toEqual([]);
    expect(intakeProblems({ ...enterprise, creditCode: '91350100M000100Y44' }, rules)).toEqual([
      { field: 'creditCode', message: expect.stringContaining('校验位不符') as unknown },
    ]);
    expect(
      intakeProblems({ ...enterprise, enterpriseName: '', creditCode: '', enterpriseMode: '' }, rules).map(
        (problem) => problem.field,
      ),
    ).toEqual(['enterpriseName', 'creditCode', 'enterpriseMode']);
    expect(intakeProblems({ ...enterprise, enterpriseMode: 'nope' }, rules)).toMatchObject([{ field: 'enterpriseMode' }]);
  });

  it('asks none of it on other channels, and no mode when answered directly', () => {
    expect(intakeProblems({ ...enterprise, channel: '电话', creditCode: 'x' }, rules)).toEqual([]);
    expect(
      intakeProblems({ ...enterprise, handlingMode: 'direct', reply: '已答复企业', enterpriseMode: '' }, rules).map(
        (problem) => problem.field,
      ),
    ).toEqual([]);
  });
});
