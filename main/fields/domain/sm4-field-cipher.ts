import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sm3, sm4 } from './sm-algorithms';
import type { FieldKeys } from './field-keys';

/**
 * One sensitive value sealed for 密评 (GB/T 39786 level 3: important data stored encrypted with a
 * national algorithm): SM4-CBC with a random IV and PKCS#7 padding, then HMAC-SM3 over the version,
 * IV and ciphertext (encrypt-then-MAC; the tag is cut to 128 bits). Stored as text:
 *
 *   sm4:1:<base64 of IV (16 bytes) ‖ ciphertext ‖ tag (16 bytes)>
 *
 * The prefix lets a column hold sealed and clear values side by side while a profile is converted
 * in batches, and lets a reviewer count both with plain SQL. SM4 and SM3 come from sm-crypto (pure
 * JavaScript): Electron's BoringSSL has neither, and the same bytes come out of OpenSSL's sm4-cbc
 * and HMAC-SM3 (tests/unit/main/fields check that).
 */
export const SEALED_PREFIX = 'sm4:1:';
const IV_BYTES = 16;
const TAG_BYTES = 16;

export class SealedValueError extends Error {
  constructor(reason: string) {
    super(`敏感字段无法解密（${reason}）：数据可能被改动，或密钥不是写入时的密钥。`);
    this.name = 'SealedValueError';
  }
}

export const isSealed = (stored: string): boolean => stored.startsWith(SEALED_PREFIX);

export interface FieldCipher {
  seal(plain: string): string;
  open(stored: string): string;
}

export const createFieldCipher = (keys: FieldKeys): FieldCipher => {
  const tagOf = (iv: Uint8Array, ciphertext: Uint8Array): Buffer => {
    const signed = Buffer.concat([Buffer.from(SEALED_PREFIX, 'utf8'), iv, ciphertext]);
    return Buffer.from(sm3(signed, { key: keys.authentication }), 'hex').subarray(0, TAG_BYTES);
  };
  return {
    seal: (plain) => {
      const iv = randomBytes(IV_BYTES);
      const ciphertext = Uint8Array.from(
        sm4.encrypt(Buffer.from(plain, 'utf8'), keys.encryption, { mode: 'cbc', iv, output: 'array' }),
      );
      return SEALED_PREFIX + Buffer.concat([iv, ciphertext, tagOf(iv, ciphertext)]).toString('base64');
    },
    open: (stored) => {
      if (!isSealed(stored)) return stored;
      const bytes = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64');
      if (bytes.length < IV_BYTES + 16 + TAG_BYTES || (bytes.length - IV_BYTES - TAG_BYTES) % 16 !== 0) {
        throw new SealedValueError('长度不对');
      }
      const iv = bytes.subarray(0, IV_BYTES);
      const ciphertext = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
      if (!timingSafeEqual(tagOf(iv, ciphertext), bytes.subarray(bytes.length - TAG_BYTES))) {
        throw new SealedValueError('校验值不符');
      }
      return Buffer.from(sm4.decrypt(ciphertext, keys.encryption, { mode: 'cbc', iv, output: 'array' })).toString('utf8');
    },
  };
};
