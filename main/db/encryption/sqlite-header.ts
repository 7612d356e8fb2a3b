import { closeSync, existsSync, openSync, readSync } from 'node:fs';

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Every unencrypted SQLite file starts with this header; an encrypted one starts with its random
 * salt. Read from the file itself, so the answer holds whatever a connection would make of it.
 */
export const databaseFileState = (file: string): 'missing' | 'empty' | 'plain' | 'encrypted' => {
  if (!existsSync(file)) return 'missing';
  const head = Buffer.alloc(PLAIN_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'empty';
    return read === head.length && head.equals(PLAIN_HEADER) ? 'plain' : 'encrypted';
  } finally {
    closeSync(fd);
  }
};
