import { createReadStream } from 'node:fs';

export interface SourceLine {
  readonly text: string;
  /** Bytes of the line and its newline, for the progress bar. */
  readonly bytes: number;
  /** The line was longer than the limit: its bytes were counted and dropped, never held in memory. */
  readonly tooLong: boolean;
}

const NEWLINE = 0x0a;

/**
 * Lines of a byte stream, each at most `maxLineBytes`: a 629 MB file on one line (a JSON array
 * picked by mistake) costs one chunk of memory, not a string the runtime cannot make. Lines are cut
 * on bytes and decoded whole, so a character split across chunks stays intact.
 */
export const boundedLines = async function* (
  chunks: AsyncIterable<Buffer | Uint8Array>,
  maxLineBytes: number,
): AsyncGenerator<SourceLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let dropped = 0;
  let first = true;
  const finish = (): SourceLine => {
    const tooLong = dropped > 0;
    let text = tooLong ? '' : Buffer.concat(parts, held).toString('utf8');
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    const line = { text, bytes: held + dropped + 1, tooLong };
    parts = [];
    held = 0;
    dropped = 0;
    return line;
  };
  const take = (piece: Buffer): void => {
    if (dropped > 0 || held + piece.length > maxLineBytes) {
      dropped += held + piece.length;
      parts = [];
      held = 0;
    } else if (piece.length > 0) {
      parts.push(piece);
      held += piece.length;
    }
  };
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE, start); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, at));
      yield finish();
      start = at + 1;
    }
    // Copied: a stream may reuse its buffer for the next chunk.
    if (start < chunk.length) take(Buffer.from(chunk.subarray(start)));
  }
  if (held > 0 || dropped > 0) {
    const last = finish();
    yield { ...last, bytes: last.bytes - 1 };
  }
};

export const fileChunks = (file: string): AsyncIterable<Buffer> => createReadStream(file, { highWaterMark: 256 * 1024 });
