/**
 * `npm run hid -- describe FILE`: a report descriptor (raw binary, or hex text) → JSON on stdout.
 * Exit 1 with a message on stderr for a file that cannot be read or a descriptor that is invalid.
 */
import { readFileSync } from 'node:fs';
import { describeDescriptor } from '../hid/describe';
import { looksLikeHexText, parseHexDescriptor } from '../hid/hex-descriptor';
import { HidFormatError } from '../hid/hid-error';

const USAGE = '用法：npm run hid -- describe <描述符文件（二进制或十六进制文本）>';

const main = (args: readonly string[]): number => {
  const [command, file] = args;
  if (command !== 'describe' || !file) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  let raw: Uint8Array;
  try {
    raw = readFileSync(file);
  } catch (error) {
    process.stderr.write(`无法读取 ${file}：${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }
  try {
    const bytes = looksLikeHexText(raw) ? parseHexDescriptor(Buffer.from(raw).toString('utf8')) : raw;
    process.stdout.write(`${JSON.stringify(describeDescriptor(bytes), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof HidFormatError)) throw error;
    process.stderr.write(`描述符无效：${error.message}\n`);
    return 1;
  }
};

process.exitCode = main(process.argv.slice(2));
