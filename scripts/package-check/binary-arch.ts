/**
 * What CPU a native module or executable was built for, read from its header (ELF, PE, Mach-O):
 * packaging x86-64 modules into an arm64 package is a known failure of Electron apps, and it only
 * shows on the target PC, when the module fails to load.
 */
export type CpuArch = 'x64' | 'arm64' | 'ia32' | 'arm' | 'universal' | `machine 0x${string}`;
export type BinaryFormat = 'elf' | 'pe' | 'mach-o';

export interface BinaryIdentity {
  readonly format: BinaryFormat;
  readonly arch: CpuArch;
}

const ELF_MACHINES: Record<number, CpuArch> = { 0x03: 'ia32', 0x28: 'arm', 0x3e: 'x64', 0xb7: 'arm64' };
const PE_MACHINES: Record<number, CpuArch> = { 0x014c: 'ia32', 0x01c4: 'arm', 0x8664: 'x64', 0xaa64: 'arm64' };
const MACH_CPUS: Record<number, CpuArch> = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x00000007: 'ia32' };

const hex = (value: number): CpuArch => `machine 0x${value.toString(16)}`;

const readElf = (bytes: Buffer): BinaryIdentity | null => {
  if (bytes.length < 20) return null;
  const littleEndian = bytes[5] !== 2;
  const machine = littleEndian ? bytes.readUInt16LE(18) : bytes.readUInt16BE(18);
  return { format: 'elf', arch: ELF_MACHINES[machine] ?? hex(machine) };
};

const readPe = (bytes: Buffer): BinaryIdentity | null => {
  if (bytes.length < 0x40) return null;
  const peOffset = bytes.readUInt32LE(0x3c);
  if (peOffset + 6 > bytes.length || bytes.toString('latin1', peOffset, peOffset + 4) !== 'PE\0\0') return null;
  const machine = bytes.readUInt16LE(peOffset + 4);
  return { format: 'pe', arch: PE_MACHINES[machine] ?? hex(machine) };
};

/** Null when the bytes are none of the three formats (a script, a truncated file, a text file named .node). */
export const identifyBinary = (bytes: Buffer): BinaryIdentity | null => {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x7f454c46) return readElf(bytes);
  if (bytes.length >= 2 && bytes.toString('latin1', 0, 2) === 'MZ') return readPe(bytes);
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xcafebabe) return { format: 'mach-o', arch: 'universal' };
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = bytes.readUInt32LE(4);
    return { format: 'mach-o', arch: MACH_CPUS[cpu] ?? hex(cpu) };
  }
  return null;
};

const FORMAT_OF_PLATFORM: Record<string, BinaryFormat> = { linux: 'elf', win32: 'pe', darwin: 'mach-o' };

/** Null when the binary suits the target; otherwise what is wrong, in words. */
export const binaryMismatch = (bytes: Buffer, target: { platform: string; arch: string }): string | null => {
  const identity = identifyBinary(bytes);
  if (!identity) return '不是可识别的二进制文件（ELF / PE / Mach-O）';
  const format = FORMAT_OF_PLATFORM[target.platform];
  if (format && identity.format !== format) return `格式为 ${identity.format}，目标平台 ${target.platform} 需要 ${format}`;
  if (identity.arch !== target.arch) return `架构为 ${identity.arch}，目标架构为 ${target.arch}`;
  return null;
};
