/**
 * Every call across the bridge resolves to a Result instead of throwing: exceptions do not survive
 * Electron's structured clone or a WebSocket frame with their type intact, a plain object does.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'SECRET_STORAGE_UNAVAILABLE',
  'DATABASE_ERROR',
  'DATABASE_TOO_NEW',
  'DISK_FULL',
  'TRANSPORT_CLOSED',
  /** The platform could not be reached or refused the sign-in: an online-only action did not happen. */
  'PLATFORM_UNAVAILABLE',
  /** Someone else was first (an internet request another agent took). */
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** Dotted path of the offending field inside the input, '' for the input as a whole. */
  readonly field: string;
  readonly message: string;
}

export interface DeskError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fields?: readonly FieldProblem[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DeskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, fields?: readonly FieldProblem[]): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});
