import { z } from 'zod';

/**
 * Frames of the browser shell's WebSocket. The shell carries the same contract as Electron IPC:
 * a call names the method path, the reply carries the Result, events flow server -> client.
 */
export const callFrameSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown().optional(),
});

export type CallFrame = z.output<typeof callFrameSchema>;

export interface ResultFrame {
  readonly kind: 'result';
  readonly id: number;
  readonly result: unknown;
}

export interface EventFrame {
  readonly kind: 'event';
  readonly event: string;
  readonly payload: unknown;
}

export type ServerFrame = ResultFrame | EventFrame;

export const SHELL_SOCKET_PATH = '/desk-socket' as const;
export const SHELL_TOKEN_PARAM = 'token' as const;
export type ShellSocketPath = typeof SHELL_SOCKET_PATH;
export type ShellTokenParam = typeof SHELL_TOKEN_PARAM;
/** The largest frame either side sends or accepts; the page refuses bigger calls before sending them. */
export const SHELL_MAX_FRAME_BYTES = 1_048_576 as const;
export type ShellMaxFrameBytes = typeof SHELL_MAX_FRAME_BYTES;

/**
 * The browser shell's encyclopedia upload: POST the file's bytes here with `Authorization: Bearer
 * <token>` and its name (URI-encoded) in SHELL_FILE_NAME_HEADER; the answer is a Result of the
 * import report. Files, unlike calls, do not fit a 1 MiB frame.
 */
export const SHELL_KB_UPLOAD_PATH = '/kb-upload' as const;
export type ShellKbUploadPath = typeof SHELL_KB_UPLOAD_PATH;
export const SHELL_FILE_NAME_HEADER = 'x-file-name' as const;
export type ShellFileNameHeader = typeof SHELL_FILE_NAME_HEADER;
export const SHELL_KB_UPLOAD_MAX_BYTES = 4 * 1024 * 1024 * 1024;
