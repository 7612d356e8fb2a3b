import { describe, expect, it } from 'vitest';
import { fileSize, firstTimeRate, waitingLabel } from '../../../../renderer/features/internet/domain/waiting-time';

describe('the 网络诉求 queue’s figures', () => {
  const now = new Date('2026-12-07T10:00:00.000Z');
  it('says how long a citizen has waited', () => {
    expect(waitingLabel('2026-12-07T09:59:40.000Z', now)).toBe('刚刚');
    expect(waitingLabel('2026-12-07T09:48:00.000Z', now)).toBe('12 分钟');
    expect(waitingLabel('2026-12-07T07:00:00.000Z', now)).toBe('3 小时');
    expect(waitingLabel('2026-12-07T06:55:00.000Z', now)).toBe('3 小时 5 分');
    expect(waitingLabel('2026-12-05T09:00:00.000Z', now)).toBe('2 天');
    expect(waitingLabel('not a time', now)).toBe('刚刚');
  });
  it('computes 一次成功率 over completed requests, none before the first', () => {
    expect(firstTimeRate({ completed: 0, firstTime: 0 })).toBeNull();
    expect(firstTimeRate({ completed: 4, firstTime: 3 })).toBe(0.75);
  });
  it('lists an attachment’s size the way people read it', () => {
    expect(fileSize(820)).toBe('820 B');
    expect(fileSize(3004)).toBe('3 KB');
    expect(fileSize(1_572_864)).toBe('1.5 MB');
  });
});
