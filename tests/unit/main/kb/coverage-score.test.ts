import { describe, expect, it } from 'vitest';
import { coverageScore, coversAll, wordWeight } from '../../../../main/kb/domain/coverage-score';
import { ALIAS_THRESHOLD, citedAgain, decayedWeight, isActiveAlias } from '../../../../main/kb/domain/learned-alias';

const candidate = (title: string, fields: Partial<{ body: string; tier: number; citations: number; learned: boolean }> = {}) => ({
  title,
  body: fields.body ?? '',
  tier: fields.tier ?? 0,
  citations: fields.citations ?? 0,
  learned: fields.learned ?? false,
});
const rare = { texts: ['签注'], titleCount: 40 };
const common = { texts: ['办理'], titleCount: 2000 };

describe('coverage score', () => {
  it('weighs a rare word above a common one, and a title match above a body match', () => {
    expect(wordWeight(rare)).toBeGreaterThan(wordWeight(common));
    expect(coverageScore(candidate('签注'), [rare, common])).toBeGreaterThan(coverageScore(candidate('办理'), [rare, common]));
    expect(coverageScore(candidate('签注'), [rare])).toBeGreaterThan(coverageScore(candidate('其他', { body: '签注' }), [rare]));
  });

  it('lets a clearly better entry from the province beat a weak one from the county', () => {
    const words = [rare, { texts: ['探亲'], titleCount: 30 }];
    const province = coverageScore(candidate('探亲签注', { tier: 2 }), words);
    const county = coverageScore(candidate('签注', { tier: 0 }), words);
    expect(province).toBeGreaterThan(county);
    expect(coverageScore(candidate('探亲签注', { tier: 0 }), words)).toBeGreaterThan(province);
  });

  it('prefers the caller’s word order and a title that is mostly their words', () => {
    const words = [
      { texts: ['预约'], titleCount: 50 },
      { texts: ['计划'], titleCount: 50 },
    ];
    expect(coverageScore(candidate('预约计划'), words)).toBeGreaterThan(coverageScore(candidate('计划预约'), words));
    expect(coverageScore(candidate('预约计划'), words)).toBeGreaterThan(
      coverageScore(candidate('驾驶人考试预约计划公布'), words),
    );
  });

  it('puts a learned alias first and counts popularity a little', () => {
    const words = [rare];
    expect(coverageScore(candidate('其他', { learned: true }), words)).toBeGreaterThan(coverageScore(candidate('签注'), words));
    expect(coverageScore(candidate('签注', { citations: 8 }), words)).toBeGreaterThan(coverageScore(candidate('签注'), words));
  });

  it('says whether an entry has every word, in the title or the body', () => {
    expect(coversAll({ title: '探亲', body: '签注' }, [rare, { texts: ['探亲'], titleCount: 1 }])).toBe(true);
    expect(coversAll({ title: '探亲', body: '' }, [rare])).toBe(false);
  });
});

describe('learned alias weight', () => {
  const now = new Date('2026-12-02T00:00:00Z');
  it('halves every 30 days and becomes active at the threshold, never while removed', () => {
    expect(decayedWeight(4, '2026-11-02T00:00:00Z', now)).toBeCloseTo(2, 5);
    let weight = 0;
    let at = '2026-12-01T00:00:00Z';
    for (let cited = 0; cited < ALIAS_THRESHOLD; cited += 1) {
      weight = citedAgain(weight, at, new Date(at));
      at = '2026-12-01T00:00:00Z';
    }
    expect(isActiveAlias({ weight, lastAt: at, removedAt: null }, now)).toBe(false);
    expect(isActiveAlias({ weight: ALIAS_THRESHOLD, lastAt: now.toISOString(), removedAt: null }, now)).toBe(true);
    expect(isActiveAlias({ weight: ALIAS_THRESHOLD, lastAt: now.toISOString(), removedAt: now.toISOString() }, now)).toBe(false);
    expect(isActiveAlias({ weight: ALIAS_THRESHOLD, lastAt: '2026-10-01T00:00:00Z', removedAt: null }, now)).toBe(false);
  });
});
