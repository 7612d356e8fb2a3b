import { HidFormatError } from './hid-error';

/** HID fields are packed little-endian from bit 0 of the first byte (HID 1.11 §8.4). */
export const readBits = (data: Uint8Array, bitOffset: number, bitSize: number): number => {
  if (bitSize > 32) throw new HidFormatError(`字段过宽（${bitSize} 位）`);
  if (bitOffset + bitSize > data.length * 8)
    throw new HidFormatError(`报告过短：需要 ${Math.ceil((bitOffset + bitSize) / 8)} 字节，收到 ${data.length}`);
  let value = 0;
  for (let bit = bitSize - 1; bit >= 0; bit -= 1) {
    const at = bitOffset + bit;
    value = value * 2 + (((data[at >> 3] ?? 0) >> (at & 7)) & 1);
  }
  return value;
};

export const writeBits = (data: Uint8Array, bitOffset: number, bitSize: number, value: number): void => {
  for (let bit = 0; bit < bitSize; bit += 1) {
    const at = bitOffset + bit;
    const byte = at >> 3;
    if (byte >= data.length) return;
    const mask = 1 << (at & 7);
    data[byte] = Math.floor(value / 2 ** bit) % 2 === 1 ? data[byte]! | mask : data[byte]! & ~mask;
  }
};
