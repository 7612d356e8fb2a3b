import smCrypto from 'sm-crypto';

// sm-crypto is CommonJS whose exports Node's ESM loader cannot name: taken from its default export, once.
export const sm3: (typeof smCrypto)['sm3'] = smCrypto.sm3;
export const sm4: (typeof smCrypto)['sm4'] = smCrypto.sm4;
