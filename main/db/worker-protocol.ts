import type { DatabaseKey } from './encryption/database-key';

export interface WorkerInit {
  readonly file: string;
  readonly nativeBinding?: string;
  /** Only ever in memory: handed to the worker, never written or logged. */
  readonly key?: DatabaseKey;
  /**
   * The writer migrates and takes every write, in order. The reader is a second, query-only
   * connection for interactive lookups: under WAL it reads the last committed state while the
   * writer applies a bulk pull page, instead of queueing behind it.
   */
  readonly role?: 'writer' | 'reader';
}

export interface WorkerRequest {
  readonly id: number;
  readonly repo: string;
  readonly op: string;
  readonly args: readonly unknown[];
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

export type WorkerMessage =
  | { readonly kind: 'ready'; readonly schemaVersion: number }
  | { readonly kind: 'open-failed'; readonly error: SerializedError }
  | {
      readonly kind: 'reply';
      readonly id: number;
      readonly ok: true;
      readonly value: unknown;
      readonly outboxWritten: boolean;
      /** Time spent running the operation itself, without the wait in the queue. */
      readonly runMs: number;
    }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly error: SerializedError; readonly runMs: number };

export const serializeError = (error: unknown): SerializedError => {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? { name: error.name, message: error.message, code }
      : { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
};
