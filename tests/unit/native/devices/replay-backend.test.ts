import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReplayBackend } from '../../../../native/devices/replay-backend';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the replay HID backend (tests and trying the console without a headset)', () => {
  it('keeps a report file that is still empty for the next poll, and delivers reports in name order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-replay-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'descriptor.hex'), '05 0b');
    writeFileSync(
      join(dir, 'device.json'),
      JSON.stringify({ vendorId: 1, productId: 2, descriptor: join(dir, 'descriptor.hex') }),
    );
    const backend = createReplayBackend(dir, 10);
    const [info] = await backend.list();
    const connection = await backend.open(info!);
    const received: string[] = [];
    connection.onReport((report) => received.push(Buffer.from(report).toString('hex')));

    // A writer that has created the file but not written it yet, and a later report behind it.
    writeFileSync(join(dir, 'in', '0001.hex'), '');
    writeFileSync(join(dir, 'in', '0002.hex'), '02 00 00');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(received).toEqual([]);
    writeFileSync(join(dir, 'in', '0001.hex'), '02 01 00');
    await expect.poll(() => received, { timeout: 1_000 }).toEqual(['020100', '020000']);
    await connection.close();
  });
});
