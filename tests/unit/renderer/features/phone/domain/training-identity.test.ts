import { describe, expect, it } from 'vitest';
import { trainingIdentity } from '../../../../../../renderer/features/phone/domain/training-identity';

describe('模拟来电: the number as a trainer types it', () => {
  it.each([
    ['13812345678', '<sip:13812345678@training.invalid>;tag=training'],
    ['138 1234 5678', '<sip:13812345678@training.invalid>;tag=training'],
    ['0512-65231234', '<sip:051265231234@training.invalid>;tag=training'],
    ['(0512)65231234', '<sip:051265231234@training.invalid>;tag=training'],
    ['+86 138 1234 5678', '<sip:+8613812345678@training.invalid>;tag=training'],
  ])('takes %s as a trainer types it', (typed, from) => {
    expect(trainingIdentity({ number: typed, name: '', withheld: false })).toEqual({
      ok: true,
      from,
      remoteUser: /sip:([^@]+)@/.exec(from)?.[1],
    });
  });

  it('puts the name in quotes (never breaking the header), withholds on request, and refuses what is not a number', () => {
    expect(trainingIdentity({ number: '13812345678', name: '王"芳<x>', withheld: true })).toEqual({
      ok: true,
      from: '"王芳x" <sip:13812345678@training.invalid>;tag=training',
      remoteUser: '13812345678',
      privacy: 'id',
    });
    expect(trainingIdentity({ number: '', name: '', withheld: true })).toMatchObject({ ok: true, privacy: 'id' });
    expect(trainingIdentity({ number: 'From: <sip:x>', name: '', withheld: false })).toMatchObject({ ok: false });
    expect(trainingIdentity({ number: '', name: '', withheld: false })).toMatchObject({ ok: false });
  });
});
