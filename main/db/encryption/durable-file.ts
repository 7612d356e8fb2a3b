import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes and fsyncs a new file; `exclusive` fails with EEXIST instead of replacing one. */
export const writeFileDurably = (file: string, content: string | Uint8Array, exclusive = false): void => {
  const fd = openSync(file, exclusive ? 'wx' : 'w', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

export const fsyncFile = (file: string): void => {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** A rename is only durable once its folder is; Windows cannot open a folder for this and need not. */
export const fsyncFolderOf = (file: string): void => {
  if (process.platform === 'win32') return;
  const fd = openSync(dirname(file), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};
