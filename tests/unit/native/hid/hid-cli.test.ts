import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeDescriptor } from '../../../../native/hid/describe';
import { useTempDirs } from '../../../harness/temp-dir';
import { FIXTURES, fixtureBytes, fixturePath } from './hid-fixtures';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const tempDir = useTempDirs();

/** Exactly what `npm run hid -- describe FILE` runs. */
const describeCommand = (file: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'native/cli/hid-cli.ts', 'describe', file], { cwd: root, encoding: 'utf8' });

describe('npm run hid -- describe', () => {
  it('prints, for each shared descriptor in hex text, the controls the parser tests expect', () => {
    for (const name of FIXTURES) {
      const run = describeCommand(fixturePath(name));
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(describeDescriptor(fixtureBytes(name)));
    }
  });

  it('reads a raw binary descriptor the same way', () => {
    const file = join(tempDir(), 'epos.bin');
    writeFileSync(file, fixtureBytes('1395-009c'));
    const run = describeCommand(file);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      telephony: true,
      inputs: expect.arrayContaining([{ usage: 'hookSwitch', reportId: 2, bitOffset: 0, bitSize: 1, relative: false }]),
    });
  });

  it('a broken descriptor or a missing file: a clear message and exit code 1, no stack trace', () => {
    const file = join(tempDir(), 'broken.hex.txt');
    writeFileSync(file, '# truncated\n05 0b 09 05 a1 01 85 02 05 0b 15 00 25 01 09 20 09 97 75 01 95 02 81\n');
    const broken = describeCommand(file);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^描述符无效：.*被截断/);
    expect(broken.stderr).not.toMatch(/at .*\.ts:\d+/);
    const missing = describeCommand(join(tempDir(), 'nope.bin'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/无法读取 .*ENOENT/);
  });
});
