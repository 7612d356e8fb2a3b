// sm-crypto 0.5.x ships no types (and @types/sm-crypto describes 0.3); only what main/fields uses.
declare module 'sm-crypto' {
  type Bytes = number[] | Uint8Array;
  export interface Sm4Options {
    readonly mode?: 'ecb' | 'cbc';
    readonly iv?: Bytes | string;
    readonly padding?: 'pkcs#7' | 'pkcs#5' | 'none';
    readonly output: 'array';
  }
  const smCrypto: {
    readonly sm4: {
      encrypt(input: Bytes | string, key: Bytes | string, options: Sm4Options): number[];
      decrypt(input: Bytes | string, key: Bytes | string, options: Sm4Options): number[];
    };
    sm3(input: Bytes | string, options?: { readonly key: Bytes | string; readonly mode?: 'hmac' }): string;
  };
  export default smCrypto;
}
