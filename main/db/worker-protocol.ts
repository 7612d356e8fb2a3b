export interface WorkerInit {
  readonly file: string;
  readonly nativeBinding?: string;
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
  | { readonly kind: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown; readonly outboxWritten: boolean }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly error: SerializedError };

export const serializeError = (error: unknown): SerializedError => {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? { name: error.name, message: error.message, code }
      : { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
};
