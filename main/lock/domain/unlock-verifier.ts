import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * What is kept of a PIN or password: never the secret, a salted scrypt hash. scrypt's memory cost
 * makes guessing a short PIN from a copied verifier slow, and the database holding it is encrypted.
 */
export interface UnlockVerifier {
  readonly v: 1;
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
  readonly hash: string;
}

/** 16 MiB and ~50 ms per check on a county PC: unnoticeable at the lock screen, costly in bulk. */
const PARAMS = { n: 1 << 14, r: 8, p: 1 } as const;
const HASH_BYTES = 32;

const derive = (secret: string, salt: Buffer, params: { n: number; r: number; p: number }): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(
      secret.normalize('NFC'),
      salt,
      HASH_BYTES,
      { N: params.n, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );

export const createVerifier = async (secret: string): Promise<UnlockVerifier> => {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, PARAMS);
  return { v: 1, ...PARAMS, salt: salt.toString('base64'), hash: hash.toString('base64') };
};

export const matchesVerifier = async (secret: string, verifier: UnlockVerifier): Promise<boolean> => {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await derive(secret, Buffer.from(verifier.salt, 'base64'), verifier);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

export const encodeVerifier = (verifier: UnlockVerifier): Uint8Array => new TextEncoder().encode(JSON.stringify(verifier));

/** A stored verifier that does not parse opens nothing: better a lock that needs the platform password than one that opens for anyone. */
export const decodeVerifier = (bytes: Uint8Array | null): UnlockVerifier | null => {
  if (!bytes) return null;
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<UnlockVerifier>;
    const bounded = (x: unknown, max: number) => Number.isInteger(x) && (x as number) > 0 && (x as number) <= max;
    if (
      value.v !== 1 ||
      !bounded(value.n, 1 << 20) ||
      !bounded(value.r, 32) ||
      !bounded(value.p, 16) ||
      typeof value.salt !== 'string' ||
      typeof value.hash !== 'string' ||
      Buffer.from(value.hash, 'base64').length !== HASH_BYTES
    )
      return null;
    return value as UnlockVerifier;
  } catch {
    return null;
  }
};
