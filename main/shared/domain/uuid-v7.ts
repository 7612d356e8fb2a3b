/**
 * RFC 9562 UUID version 7: 48 bits of Unix milliseconds, then random bits. Records created offline
 * get ids that are globally unique without asking the platform, and sort by creation time, which
 * keeps SQLite's B-tree appends cheap.
 */
const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

let lastMillis = -1;
let lastCounter = 0;

export const uuidv7 = (
  now: number = Date.now(),
  random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b),
): string => {
  const bytes = random(new Uint8Array(16));
  // Same millisecond: a 12-bit counter in rand_a keeps ids monotonic within one process (RFC 9562 §6.2).
  if (now === lastMillis) lastCounter = (lastCounter + 1) & 0xfff;
  else {
    lastMillis = now;
    lastCounter = ((bytes[6] ?? 0) << 4) & 0x7ff;
  }
  let millis = now;
  for (let index = 5; index >= 0; index -= 1) {
    bytes[index] = millis % 256;
    millis = Math.floor(millis / 256);
  }
  bytes[6] = 0x70 | (lastCounter >> 8);
  bytes[7] = lastCounter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const text = hex(bytes);
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
};

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(value);
