import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HeadsetStatus, createHeadsetManager } from '../../../../native/devices/headset-manager';
import { type HidBackend, type HidDeviceInfo, HidOpenError } from '../../../../native/devices/hid-backend';
import type { HeadsetRequest } from '../../../../native/hid/headset-session';
import { fixtureBytes } from '../hid/hid-fixtures';

const JABRA: HidDeviceInfo = {
  path: '/dev/hidraw3',
  vendorId: 0x0b0e,
  productId: 0x0307,
  manufacturer: 'GN Netcom',
  product: 'Jabra EVOLVE LINK MS',
  usagePage: 0x0b,
  usage: 0x05,
};
const EPOS: HidDeviceInfo = {
  ...JABRA,
  path: '/dev/hidraw5',
  vendorId: 0x1395,
  productId: 0x009c,
  manufacturer: 'EPOS',
  product: 'IMPACT D1',
};
const GAMING: HidDeviceInfo = {
  ...JABRA,
  path: '/dev/hidraw1',
  vendorId: 0x046d,
  productId: 0x0ac4,
  manufacturer: null,
  product: null,
};

/** An in-memory HID stack: which devices are plugged, what was written, reports pushed by the test. */
const fakeBackend = (options: { openFails?: HidOpenError } = {}) => {
  const plugged = new Set<HidDeviceInfo>();
  const written: string[] = [];
  let push: ((report: Uint8Array) => void) | null = null;
  const backend: HidBackend = {
    list: async () => [...plugged],
    reportDescriptor: async (device) =>
      fixtureBytes(device.vendorId === 0x0b0e ? '0b0e-0307' : device.vendorId === 0x1395 ? '1395-009c' : '046d-0ac4'),
    open: async () => {
      if (options.openFails) throw options.openFails;
      return {
        onReport: (listener) => void (push = listener),
        onClosed: () => undefined,
        write: async (report) => void written.push([...report].map((byte) => byte.toString(16).padStart(2, '0')).join(' ')),
        close: async () => undefined,
      };
    },
  };
  return { backend, plugged, written, send: (...bytes: number[]) => push?.(Uint8Array.from(bytes)) };
};

const start = (backend: HidBackend) => {
  const statuses: HeadsetStatus[] = [];
  const requests: HeadsetRequest[] = [];
  const manager = createHeadsetManager({
    backend,
    onStatus: (status) => statuses.push(status),
    onRequest: (request) => requests.push(request),
    log: () => undefined,
    pollMs: 100,
    settleMs: 1_000,
  });
  manager.start();
  return { manager, statuses, requests };
};

describe('headset manager', () => {
  afterEach(() => vi.useRealTimers());

  it('opens a telephony headset once it has stayed plugged for the settle time, and never a gaming headset', async () => {
    vi.useFakeTimers();
    const fake = fakeBackend();
    fake.plugged.add(GAMING);
    const { manager, statuses } = start(fake.backend);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(manager.status().state).toBe('none');
    fake.plugged.add(JABRA);
    await vi.advanceTimersByTimeAsync(500);
    expect(manager.status().state).toBe('none');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(statuses.at(-1)).toMatchObject({ state: 'connected', model: 'GN Netcom Jabra EVOLVE LINK MS', detail: null });
    await manager.stop();
  });

  it('buttons become requests; a replug writes the lights of the call that is up; stop turns them off', async () => {
    vi.useFakeTimers();
    const fake = fakeBackend();
    fake.plugged.add(JABRA);
    const { manager, requests } = start(fake.backend);
    await vi.advanceTimersByTimeAsync(1_500);
    manager.callStateChanged({ ringing: true, inCall: false, muted: false, held: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.written.at(-1)).toBe('02 24 00');
    fake.send(0x02, 0x01);
    expect(requests).toEqual(['answer']);
    manager.callStateChanged({ ringing: false, inCall: true, muted: true, held: false });
    fake.send(0x02, 0xff, 0xff, 0xff);
    fake.send(0x07);
    await vi.advanceTimersByTimeAsync(0);
    fake.plugged.delete(JABRA);
    await vi.advanceTimersByTimeAsync(200);
    expect(manager.status()).toMatchObject({ state: 'none', detail: '耳机已拔出' });
    fake.written.length = 0;
    fake.plugged.add(JABRA);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(manager.status().state).toBe('connected');
    expect(fake.written).toContain('02 13 00');
    await manager.stop();
    expect(fake.written.at(-1)).toBe('02 00 00');
  });

  it('with two headsets plugged in, the chosen model is used, and choosing another switches to it', async () => {
    vi.useFakeTimers();
    const fake = fakeBackend();
    fake.plugged.add(JABRA);
    fake.plugged.add(EPOS);
    const { manager } = start(fake.backend);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(manager.status()).toMatchObject({
      state: 'connected',
      model: 'GN Netcom Jabra EVOLVE LINK MS',
      models: ['GN Netcom Jabra EVOLVE LINK MS', 'EPOS IMPACT D1'],
      chosen: null,
    });
    manager.choose('EPOS IMPACT D1');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(manager.status()).toMatchObject({ state: 'connected', model: 'EPOS IMPACT D1', chosen: 'EPOS IMPACT D1' });
    // The chosen one unplugged: the other one is used meanwhile.
    fake.plugged.delete(EPOS);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(manager.status()).toMatchObject({ state: 'connected', model: 'GN Netcom Jabra EVOLVE LINK MS' });
    await manager.stop();
  });

  it('a headset that cannot be opened says why, and is tried again later', async () => {
    vi.useFakeTimers();
    const fake = fakeBackend({ openFails: new HidOpenError('permission', '没有权限打开耳机') });
    fake.plugged.add(JABRA);
    const { manager } = start(fake.backend);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(manager.status()).toMatchObject({
      state: 'unavailable',
      model: 'GN Netcom Jabra EVOLVE LINK MS',
      detail: '没有权限打开耳机',
    });
    await manager.stop();
  });

  it('a telephony headset whose descriptor this system cannot read is shown as there but unusable, with the reason', async () => {
    vi.useFakeTimers();
    const fake = fakeBackend();
    fake.plugged.add(JABRA);
    const backend: HidBackend = {
      ...fake.backend,
      reportDescriptor: async () => {
        throw new HidOpenError('unsupported', '此系统上暂时无法读取耳机的报告描述符');
      },
    };
    const { manager } = start(backend);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(manager.status()).toMatchObject({
      state: 'unavailable',
      model: 'GN Netcom Jabra EVOLVE LINK MS',
      detail: '此系统上暂时无法读取耳机的报告描述符',
    });
    await manager.stop();
  });

  it('the .deb installs the same udev rules the repository ships for admins', () => {
    const rules = readFileSync(new URL('../../../../build-resources/linux/70-minsheng-headsets.rules', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('SUBSYSTEM'));
    const script = readFileSync(new URL('../../../../build-resources/linux/after-install.sh', import.meta.url), 'utf8');
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(script).toContain(rule);
  });
});
