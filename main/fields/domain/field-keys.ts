import { sm3 } from './sm-algorithms';

/**
 * The keys of field encryption, derived from the profile's database key (the one root key, which
 * only the OS keychain can unwrap) with HMAC-SM3 under a fixed label each, so that no second secret
 * is stored and each key has one use: SM4 encryption, its HMAC-SM3 tag, and the blind index of
 * numbers. Changing a label makes every sealed value unreadable: they are versioned, never edited.
 */
export interface FieldKeys {
  /** SM4-CBC key, 128 bits. */
  readonly encryption: Uint8Array;
  /** HMAC-SM3 key of the tag over version, IV and ciphertext, 256 bits. */
  readonly authentication: Uint8Array;
  /** HMAC-SM3 key of the blind index of phone numbers, 256 bits. */
  readonly index: Uint8Array;
}

export const FIELD_KEY_LABELS = {
  encryption: 'minsheng-desk/field-sm4-cbc/v1',
  authentication: 'minsheng-desk/field-hmac-sm3/v1',
  index: 'minsheng-desk/number-blind-index/v1',
} as const;

const hexBytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

export const deriveFieldKeys = (databaseKeyHex: string): FieldKeys => {
  if (!/^[0-9a-f]{64}$/i.test(databaseKeyHex)) throw new Error('field keys need the 256-bit database key (64 hex digits)');
  const root = hexBytes(databaseKeyHex);
  const derive = (label: string): Uint8Array => hexBytes(sm3(label, { key: root }));
  return {
    encryption: derive(FIELD_KEY_LABELS.encryption).slice(0, 16),
    authentication: derive(FIELD_KEY_LABELS.authentication),
    index: derive(FIELD_KEY_LABELS.index),
  };
};
