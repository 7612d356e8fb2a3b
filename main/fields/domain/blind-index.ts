import { sm3 } from './sm-algorithms';

/**
 * The keyed blind index of a normalised phone number: HMAC-SM3 under the index key, the first 128
 * bits in hex. Equal numbers give equal indexes, so the screen-pop still finds a caller through the
 * unique index on callers.number_key, while the file holds no number and, without the key, a
 * number cannot be tested against it (an unkeyed hash of an 11-digit number is brute-forced in
 * seconds).
 */
export const BLIND_INDEX_PREFIX = 'bi1:';

export const blindIndex = (indexKey: Uint8Array, numberKey: string): string =>
  BLIND_INDEX_PREFIX + sm3(numberKey, { key: indexKey }).slice(0, 32);

export const isBlindIndex = (key: string): boolean => key.startsWith(BLIND_INDEX_PREFIX);
