import { createDecipheriv, createHmac, getCiphers, getHashes } from 'node:crypto';
import { sm3, sm4 } from '../../../../main/fields/domain/sm-algorithms';
import { describe, expect, it } from 'vitest';
import { blindIndex } from '../../../../main/fields/domain/blind-index';
import { deriveFieldKeys } from '../../../../main/fields/domain/field-keys';
import { SEALED_PREFIX, SealedValueError, createFieldCipher } from '../../../../main/fields/domain/sm4-field-cipher';

const DB_KEY = '8f1c2a7d4e5b6c3f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';
const keys = deriveFieldKeys(DB_KEY);
const cipher = createFieldCipher(keys);
const bytesOf = (sealed: string): Buffer => Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');

describe('the national algorithms underneath (published test vectors)', () => {
  it('SM4 encrypts GB/T 32907 example 1 to its ciphertext', () => {
    const key = '0123456789abcdeffedcba9876543210';
    const out = sm4.encrypt(Buffer.from(key, 'hex'), key, { padding: 'none', output: 'array' });
    expect(Buffer.from(out).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('SM3 hashes "abc" to GB/T 32905 example 1', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('a sealed field', () => {
  it('opens to exactly what was sealed: Chinese, empty, long, numbers', () => {
    for (const text of ['', '王芳', '13812345678', '苏州市虎丘区狮山街道长江路 1 号', '噪音扰民'.repeat(2000), 'a\u0000b😀']) {
      const sealed = cipher.seal(text);
      expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
      expect(cipher.open(sealed)).toBe(text);
    }
  });

  it('never shows the clear text, and sealing twice gives two different values (random IV)', () => {
    const a = cipher.seal('13812345678');
    const b = cipher.seal('13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(bytesOf(a).includes(Buffer.from('13812345678'))).toBe(false);
  });

  it('is refused when one byte of IV, ciphertext or tag changed, or when cut short', () => {
    const sealed = cipher.seal('王芳反映小区噪音');
    const bytes = bytesOf(sealed);
    for (const position of [0, 16, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[position] = (changed[position] ?? 0) ^ 0x01;
      expect(() => cipher.open(SEALED_PREFIX + changed.toString('base64'))).toThrow(SealedValueError);
    }
    expect(() => cipher.open(SEALED_PREFIX + bytes.subarray(0, 40).toString('base64'))).toThrow(/长度不对/);
    expect(() => cipher.open(SEALED_PREFIX)).toThrow(SealedValueError);
  });

  it('does not open under another profile’s key', () => {
    const other = createFieldCipher(deriveFieldKeys('1'.repeat(64)));
    expect(() => other.open(cipher.seal('王芳'))).toThrow(/校验值不符/);
  });

  it('passes clear text through, so a column can be converted row by row', () => {
    expect(cipher.open('王芳')).toBe('王芳');
  });

  it.runIf(getCiphers().includes('sm4-cbc') && getHashes().includes('sm3'))(
    'is the same SM4-CBC and HMAC-SM3 OpenSSL computes: a 密评 reviewer can check it with another implementation',
    () => {
      const sealed = cipher.seal('苏州市虎丘区狮山街道长江路 1 号');
      const bytes = bytesOf(sealed);
      const iv = bytes.subarray(0, 16);
      const ciphertext = bytes.subarray(16, bytes.length - 16);
      const decipher = createDecipheriv('sm4-cbc', keys.encryption, iv);
      expect(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8')).toBe(
        '苏州市虎丘区狮山街道长江路 1 号',
      );
      const tag = createHmac('sm3', keys.authentication)
        .update(Buffer.concat([Buffer.from(SEALED_PREFIX), iv, ciphertext]))
        .digest()
        .subarray(0, 16);
      expect(tag.equals(bytes.subarray(bytes.length - 16))).toBe(true);
      const index = createHmac('sm3', keys.index).update('13812345678').digest('hex').slice(0, 32);
      expect(blindIndex(keys.index, '13812345678')).toBe(`bi1:${index}`);
    },
  );
});

describe('the keys and the blind index', () => {
  it('derives three different keys of the right sizes, the same every time for one database key', () => {
    expect(keys.encryption).toHaveLength(16);
    expect(keys.authentication).toHaveLength(32);
    expect(keys.index).toHaveLength(32);
    expect(new Set([keys.encryption, keys.authentication, keys.index].map((key) => Buffer.from(key).toString('hex'))).size).toBe(
      3,
    );
    expect(deriveFieldKeys(DB_KEY)).toEqual(keys);
    expect(() => deriveFieldKeys('short')).toThrow(/64 hex/);
  });

  it('gives one index per number, another under another key, and none of the digits', () => {
    const index = blindIndex(keys.index, '13812345678');
    expect(index).toMatch(/^bi1:[0-9a-f]{32}$/);
    expect(blindIndex(keys.index, '13812345678')).toBe(index);
    expect(blindIndex(keys.index, '13812345679')).not.toBe(index);
    expect(blindIndex(deriveFieldKeys('2'.repeat(64)).index, '13812345678')).not.toBe(index);
  });
});
