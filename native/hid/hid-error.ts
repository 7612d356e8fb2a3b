/**
 * Whatever a headset sends that cannot be read: a descriptor or report that is truncated, of
 * impossible sizes or unbalanced. The only error the parser and decoder throw, so callers can tell
 * "this device is broken or not a headset" from a defect of ours.
 */
export class HidFormatError extends Error {
  constructor(
    message: string,
    /** Byte offset in the descriptor where reading failed, when there is one. */
    readonly offset: number | null = null,
  ) {
    super(offset === null ? message : `${message}（第 ${offset} 字节）`);
    this.name = 'HidFormatError';
  }
}
