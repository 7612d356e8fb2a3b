import { HidFormatError } from './hid-error';

/**
 * The text form descriptors are shared in (`# comment` lines, then hex byte pairs separated by
 * whitespace), as `usbhid-dump` and the shared fixtures write them.
 */
export const looksLikeHexText = (bytes: Uint8Array): boolean => {
  const sample = bytes.subarray(0, 4096);
  return (
    sample.length > 0 && sample.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f))
  );
};

export const parseHexDescriptor = (text: string): Uint8Array => {
  const out: number[] = [];
  text.split(/\r?\n/).forEach((line, lineIndex) => {
    const content = line.replace(/#.*/, '').trim();
    if (content === '') return;
    for (const token of content.split(/[\s,]+/)) {
      const hex = token.replace(/^0x/i, '');
      if (!/^[0-9a-f]{2}$/i.test(hex)) throw new HidFormatError(`第 ${lineIndex + 1} 行不是十六进制字节：${token.slice(0, 20)}`);
      out.push(Number.parseInt(hex, 16));
    }
  });
  return Uint8Array.from(out);
};
