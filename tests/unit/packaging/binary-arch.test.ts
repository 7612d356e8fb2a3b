import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binaryMismatch, identifyBinary } from '../../../scripts/package-check/binary-arch';

const elf = (machine: number): Buffer => {
  const bytes = Buffer.alloc(64);
  bytes.writeUInt32BE(0x7f454c46, 0);
  bytes[4] = 2; // 64-bit
  bytes[5] = 1; // little-endian
  bytes.writeUInt16LE(machine, 18);
  return bytes;
};
const pe = (machine: number): Buffer => {
  const bytes = Buffer.alloc(0x100);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(machine, 0x84);
  return bytes;
};

describe('the CPU a native module was built for', () => {
  it('reads ELF, PE and Mach-O headers', () => {
    expect(identifyBinary(elf(0x3e))).toEqual({ format: 'elf', arch: 'x64' });
    expect(identifyBinary(elf(0xb7))).toEqual({ format: 'elf', arch: 'arm64' });
    expect(identifyBinary(pe(0x8664))).toEqual({ format: 'pe', arch: 'x64' });
    expect(identifyBinary(pe(0xaa64))).toEqual({ format: 'pe', arch: 'arm64' });
    const macho = Buffer.alloc(32);
    macho.writeUInt32LE(0xfeedfacf, 0);
    macho.writeUInt32LE(0x0100000c, 4);
    expect(identifyBinary(macho)).toEqual({ format: 'mach-o', arch: 'arm64' });
    expect(identifyBinary(Buffer.from('#!/bin/sh\necho not a module\n'))).toBeNull();
  });

  it('refuses an x86-64 module in an arm64 package, a Windows module in a Linux one, and a file that is no binary', () => {
    expect(binaryMismatch(elf(0x3e), { platform: 'linux', arch: 'arm64' })).toBe('架构为 x64，目标架构为 arm64');
    expect(binaryMismatch(pe(0x8664), { platform: 'linux', arch: 'x64' })).toBe('格式为 pe，目标平台 linux 需要 elf');
    expect(binaryMismatch(Buffer.from('text'), { platform: 'linux', arch: 'x64' })).toMatch(/不是可识别的二进制文件/);
    expect(binaryMismatch(elf(0xb7), { platform: 'linux', arch: 'arm64' })).toBeNull();
  });

  it('identifies the real prebuilt SQLite bindings the package draws from, per platform', () => {
    const prebuilt = (name: string) => readFileSync(`node_modules/better-sqlite3-multiple-ciphers/prebuilds/${name}.node`);
    expect(identifyBinary(prebuilt('linux-x64'))).toEqual({ format: 'elf', arch: 'x64' });
    expect(identifyBinary(prebuilt('linux-arm64'))).toEqual({ format: 'elf', arch: 'arm64' });
    expect(identifyBinary(prebuilt('win32-x64'))).toEqual({ format: 'pe', arch: 'x64' });
    expect(identifyBinary(prebuilt('darwin-arm64'))).toEqual({ format: 'mach-o', arch: 'arm64' });
  });
});
