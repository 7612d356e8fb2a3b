import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** A file's lines with their byte sizes (for the progress bar), streamed: a 100 MB import never sits in memory. */
export const readLines = async function* (file: string): AsyncGenerator<{ text: string; bytes: number }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of lines) yield { text, bytes: Buffer.byteLength(text) + 1 };
};
