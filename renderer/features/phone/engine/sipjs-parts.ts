/** The small pieces the sip.js adapter needs around sip.js itself; no state of their own. */
import { Registerer, type RegistererRegisterOptions, URI } from 'sip.js';
import type { OutgoingRegisterRequest } from 'sip.js/lib/core';

/** Waits for a promise that may never settle, at most `ms`; never rejects. */
export const settle = (promise: Promise<unknown> | undefined, ms = 0): Promise<void> =>
  promise
    ? Promise.race([
        promise.then(
          () => undefined,
          () => undefined,
        ),
        new Promise<void>((resolve) => setTimeout(resolve, ms)),
      ])
    : Promise.resolve();

/**
 * sip.js refreshes a registration by calling its own `register()` from a timer, without the
 * request delegate the first call had: the override gives every REGISTER, refreshes included, the
 * delegate that records why it failed.
 */
export class ObservedRegisterer extends Registerer {
  lastFailure: { status: number; retryAfterS: number | null } | null = null;

  override register(options: RegistererRegisterOptions = {}): Promise<OutgoingRegisterRequest> {
    return super.register({
      ...options,
      requestDelegate: {
        ...options.requestDelegate,
        onReject: (response) => {
          // Read during the callback: sip.js clears retryAfter right after it.
          this.lastFailure = { status: response.message.statusCode ?? 0, retryAfterS: this.retryAfter ?? null };
          options.requestDelegate?.onReject?.(response);
        },
      },
    });
  }
}

/** sip.js writes a URI target into Refer-To bare; with `?Replaces=` the grammar needs it in <>. */
export class BracketedUri extends URI {
  override toString(): string {
    return `<${super.toString()}>`;
  }
}

export const randomToken = (length: number): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(length)), (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join(
    '',
  );

export const sipDebug = (): boolean => (globalThis as { __sipDebug?: boolean }).__sipDebug === true;

export const userOf = (uri: { user?: string | undefined } | undefined): string => uri?.user ?? '';

export const sipFragStatus = (body: string | undefined): number | null => {
  const match = /SIP\/2\.0\s+(\d{3})/.exec(body ?? '');
  return match ? Number(match[1]) : null;
};
