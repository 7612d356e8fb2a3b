import { describe, expect, it } from 'vitest';
import { FUSE_NAMES, FUSE_SENTINEL, REQUIRED_FUSES, fuseProblems, readFuseWires } from '../../../scripts/package-check/fuse-wire';
import { ELECTRON_DEFAULT_WIRE } from '../../../scripts/package-check/standin-electron';

const binaryWith = (wire: string, version = 1): Buffer =>
  Buffer.concat([
    Buffer.from('\x7fELF padding…'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([version, wire.length]),
    Buffer.from(wire),
    Buffer.alloc(64),
  ]);

const requiredWire = FUSE_NAMES.map((name) => (REQUIRED_FUSES[name] ? '1' : '0')).join('');

describe('the fuse wire read back from a packaged binary', () => {
  it('passes only the required values: RunAsNode, NODE_OPTIONS and --inspect off; cookie encryption, asar integrity and asar-only on', () => {
    expect(requiredWire).toBe('01001100');
    expect(fuseProblems(binaryWith(requiredWire))).toEqual([]);
  });

  it("fails on Electron's defaults, naming each fuse left as it was", () => {
    const problems = fuseProblems(binaryWith(ELECTRON_DEFAULT_WIRE));
    expect(problems).toContain('熔丝 runAsNode 为 enabled，应为 disabled');
    expect(problems).toContain('熔丝 enableCookieEncryption 为 disabled，应为 enabled');
    expect(problems).toContain('熔丝 onlyLoadAppFromAsar 为 disabled，应为 enabled');
    expect(problems).toHaveLength(7);
  });

  it('fails on one wrong fuse, a removed one, a short wire, an unknown version and a missing sentinel', () => {
    expect(fuseProblems(binaryWith(`1${requiredWire.slice(1)}`))).toEqual(['熔丝 runAsNode 为 enabled，应为 disabled']);
    expect(fuseProblems(binaryWith(`${requiredWire.slice(0, 3)}r${requiredWire.slice(4)}`))).toEqual([
      '熔丝 enableNodeCliInspectArguments 为 removed，应为 disabled',
    ]);
    expect(fuseProblems(binaryWith(requiredWire.slice(0, 6)))).toEqual([
      '熔丝 loadBrowserProcessSpecificV8Snapshot 为 absent，应为 disabled',
      '熔丝 grantFileProtocolExtraPrivileges 为 absent，应为 disabled',
    ]);
    expect(fuseProblems(binaryWith(requiredWire, 2))[0]).toMatch(/熔丝版本为 2/);
    expect(fuseProblems(Buffer.from('no sentinel here'))[0]).toMatch(/未找到 Electron 熔丝标记/);
  });

  it('asks for the check to be updated when a newer Electron adds a fuse', () => {
    expect(fuseProblems(binaryWith(`${requiredWire}1`))).toEqual([expect.stringMatching(/9 个熔丝，检查只认识 8 个/)]);
  });

  it('checks both wires of a universal binary', () => {
    const both = Buffer.concat([binaryWith(requiredWire), binaryWith(`1${requiredWire.slice(1)}`)]);
    expect(readFuseWires(both)).toHaveLength(2);
    expect(fuseProblems(both)).toEqual(['熔丝 runAsNode 为 enabled，应为 disabled']);
  });
});
