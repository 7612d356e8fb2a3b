import { describe, expect, it } from 'vitest';
import { maskPhoneNumber, normalizePhoneNumber } from '../../../../main/callers/domain/phone-number';
import { callerIdentityFromInvite } from '../../../../main/callers/domain/sip-identity';

describe('phone numbers as agents and PBXs write them', () => {
  it.each([
    // mobiles
    ['13812345678', 'mobile', '13812345678'],
    ['138 1234 5678', 'mobile', '13812345678'],
    ['138-1234-5678', 'mobile', '13812345678'],
    ['+8613812345678', 'mobile', '13812345678'],
    ['+86 138 1234 5678', 'mobile', '13812345678'],
    ['008613812345678', 'mobile', '13812345678'],
    ['8613812345678', 'mobile', '13812345678'],
    ['013812345678', 'mobile', '13812345678'],
    ['１３８１２３４５６７８', 'mobile', '13812345678'],
    ['19951234567', 'mobile', '19951234567'],
    ['+86-199-5123-4567', 'mobile', '19951234567'],
    // landlines
    ['025-83001234', 'landline', '02583001234'],
    ['02583001234', 'landline', '02583001234'],
    ['(025) 8300 1234', 'landline', '02583001234'],
    ['（025）83001234', 'landline', '02583001234'],
    ['+86 25 8300 1234', 'landline', '02583001234'],
    ['+86 (0)25 83001234', 'landline', '02583001234'],
    ['862583001234', 'landline', '02583001234'],
    ['0512-67891234', 'landline', '051267891234'],
    ['051267891234', 'landline', '051267891234'],
    ['0086 512 6789 1234', 'landline', '051267891234'],
    ['0516-8123456', 'landline', '05168123456'],
    ['010-65123456', 'landline', '01065123456'],
    ['+86 10 6512 3456', 'landline', '01065123456'],
    ['025-83001234-8021', 'landline', '02583001234'],
    ['025-83001234 转 8021', 'landline', '02583001234'],
    ['0512 6789 1234 ext. 66', 'landline', '051267891234'],
    ['02583001234#801', 'landline', '02583001234'],
    // service numbers
    ['12345', 'service', '12345'],
    ['95588', 'service', '95588'],
    ['955 99', 'service', '95599'],
    ['10086', 'service', '10086'],
    ['110', 'service', '110'],
    ['400-820-8820', 'service', '4008208820'],
    ['96196', 'service', '96196'],
    // international
    ['+44 20 7946 0958', 'international', '+442079460958'],
    ['0085291234567', 'international', '+85291234567'],
  ])('%s → %s %s', (raw, kind, key) => {
    const number = normalizePhoneNumber(raw);
    expect(number.kind).toBe(kind);
    expect(number.key).toBe(key);
  });

  it('keeps the extension of a landline beside the key, not in it', () => {
    expect(normalizePhoneNumber('025-83001234-8021')).toMatchObject({
      areaCode: '025',
      subscriber: '83001234',
      extension: '8021',
      display: '025-83001234 转8021',
    });
  });

  it('completes a local number with the sub-centre’s area code only when told it', () => {
    expect(normalizePhoneNumber('67891234', { defaultAreaCode: '0512' })).toMatchObject({
      kind: 'landline',
      key: '051267891234',
    });
    expect(normalizePhoneNumber('67891234')).toMatchObject({ kind: 'unknown', reason: 'not-a-chinese-number' });
  });

  it.each(['', '   ', 'anonymous', 'Anonymous', 'restricted', 'unavailable', 'Private', '号码未显示'])(
    '%j is a withheld caller',
    (raw) => {
      expect(normalizePhoneNumber(raw)).toEqual({ kind: 'withheld', key: null, display: '号码未显示' });
    },
  );

  it.each([
    ['1381234567', 'not-a-chinese-number'],
    ['138123456789', 'not-a-chinese-number'],
    ['12812345678', 'not-a-chinese-number'],
    ['025-830', 'not-a-chinese-number'],
    ['abc', 'not-a-number'],
    ['138abcd5678', 'not-a-number'],
    ['+', 'not-a-number'],
    ['+1', 'bad-international-number'],
    ['1'.repeat(300), 'too-long'],
    ['DROP TABLE callers;', 'not-a-number'],
  ])('%s is an unknown caller (%s), never an exception', (raw, reason) => {
    expect(normalizePhoneNumber(raw)).toMatchObject({ kind: 'unknown', key: null, reason });
  });

  it.each([null, undefined, 42, {}, ['13812345678']])('non-text input %j is unknown', (raw) => {
    expect(normalizePhoneNumber(raw)).toMatchObject({ kind: 'unknown', key: null, reason: 'not-text' });
  });

  it('masks confidential numbers the way agents expect', () => {
    expect(maskPhoneNumber(normalizePhoneNumber('13812341234'))).toBe('138****1234');
    expect(maskPhoneNumber(normalizePhoneNumber('025-83001234'))).toBe('025-****1234');
  });
});

describe('caller identity from an INVITE', () => {
  it('prefers P-Asserted-Identity over From', () => {
    const identity = callerIdentityFromInvite({
      from: '"Spoofed" <sip:13900000000@carrier.example>;tag=abc',
      pAssertedIdentity: '<sip:+8613812345678@ims.carrier.example;user=phone>',
    });
    expect(identity).toMatchObject({
      source: 'p-asserted-identity',
      number: { kind: 'mobile', key: '13812345678' },
      displayName: 'Spoofed',
    });
  });

  it('reads tel: URIs, including a second PAI value, and visual separators', () => {
    expect(
      callerIdentityFromInvite({ pAssertedIdentity: '<sip:anon@ims.example>, <tel:+86-25-8300-1234;phone-context=+86>' }),
    ).toMatchObject({
      number: { kind: 'landline', key: '02583001234' },
    });
    expect(callerIdentityFromInvite({ from: 'tel:+8613812345678' }).number.key).toBe('13812345678');
  });

  it('reads sip: and sips: users with user=phone and percent-encoding', () => {
    expect(callerIdentityFromInvite({ from: '<sips:%2B8613812345678@pbx.example;user=phone>;tag=9' }).number.key).toBe(
      '13812345678',
    );
    expect(callerIdentityFromInvite({ from: 'sip:051267891234@10.1.1.1:5060;tag=x' }).number.key).toBe('051267891234');
  });

  it('decodes a quoted display name with commas and falls back to From when PAI is garbage', () => {
    const identity = callerIdentityFromInvite({ from: '"王, 五" <sip:13812345678@pbx>', pAssertedIdentity: '<<<>>>' });
    expect(identity).toMatchObject({ source: 'from', displayName: '王, 五', number: { key: '13812345678' } });
  });

  it('recognises the anonymous URI of RFC 3323 as a withheld number', () => {
    expect(callerIdentityFromInvite({ from: '"Anonymous" <sip:anonymous@anonymous.invalid>;tag=1' }).number.kind).toBe(
      'withheld',
    );
  });

  it('turns missing, empty or oversized headers into a typed result', () => {
    expect(callerIdentityFromInvite({})).toMatchObject({ source: 'none', number: { kind: 'withheld' } });
    expect(callerIdentityFromInvite({ from: 'x'.repeat(5000) })).toMatchObject({ source: 'none' });
    expect(callerIdentityFromInvite({ from: 'sip:@' }).number.kind).toBe('withheld');
    expect(callerIdentityFromInvite({ from: '<mailto:a@b>' })).toMatchObject({ source: 'none' });
  });
});
