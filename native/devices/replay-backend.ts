/**
 * A HID backend driven through a folder, for tests and for trying the console without a headset:
 * `device.json` present means plugged in ({vendorId, productId, manufacturer, product, descriptor:
 * the path of a descriptor file, hex text or binary}); every file dropped into `in/` is one input
 * report (hex), delivered in name order and then removed (a file still empty waits for the next poll); every output report written is appended
 * to `out.log` as one hex line. Recorded report sequences are replayed by copying them into `in/`.
 */
import { appendFile, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { looksLikeHexText, parseHexDescriptor } from '../hid/hex-descriptor';
import type { HidBackend, HidConnection, HidDeviceInfo } from './hid-backend';

interface ReplayDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly manufacturer?: string;
  readonly product?: string;
  readonly descriptor: string;
}

const toHex = (bytes: Uint8Array): string => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');

const readDevice = async (folder: string): Promise<ReplayDevice | null> => {
  try {
    const device = JSON.parse(await readFile(join(folder, 'device.json'), 'utf8')) as ReplayDevice;
    return typeof device.vendorId === 'number' && typeof device.descriptor === 'string' ? device : null;
  } catch {
    return null;
  }
};

export const createReplayBackend = (folder: string, pollMs = 50): HidBackend => {
  const inbox = join(folder, 'in');
  const pathOf = (device: ReplayDevice) => `replay:${device.vendorId}:${device.productId}`;

  return {
    list: async () => {
      const device = await readDevice(folder);
      if (!device) return [];
      const info: HidDeviceInfo = {
        path: pathOf(device),
        vendorId: device.vendorId,
        productId: device.productId,
        manufacturer: device.manufacturer ?? null,
        product: device.product ?? null,
        usagePage: null,
        usage: null,
      };
      return [info];
    },
    reportDescriptor: async () => {
      const device = await readDevice(folder);
      if (!device) throw new Error('device unplugged');
      const raw = await readFile(device.descriptor);
      return looksLikeHexText(raw) ? parseHexDescriptor(raw.toString('utf8')) : new Uint8Array(raw);
    },
    open: async (info): Promise<HidConnection> => {
      await mkdir(inbox, { recursive: true });
      const reportListeners: ((report: Uint8Array) => void)[] = [];
      const closedListeners: ((reason: string) => void)[] = [];
      let closed = false;
      let delivering = false;
      const timer = setInterval(() => {
        if (delivering || closed) return;
        delivering = true;
        void (async () => {
          const device = await readDevice(folder);
          if (!device || pathOf(device) !== info.path) {
            closed = true;
            clearInterval(timer);
            closedListeners.forEach((listener) => listener('耳机已拔出'));
            return;
          }
          for (const name of (await readdir(inbox)).sort()) {
            const file = join(inbox, name);
            const text = await readFile(file, 'utf8').catch(() => null);
            // Seen empty: its writer has created it and not written it yet. Read it on the next tick;
            // taking it now would lose the press (seen on a loaded CI machine: a hook-off never arrived).
            if (text !== null && text.trim() === '') break;
            await rm(file, { force: true });
            if (text === null) continue;
            let report: Uint8Array;
            try {
              report = parseHexDescriptor(text);
            } catch {
              continue;
            }
            reportListeners.forEach((listener) => listener(report));
          }
        })()
          .catch(() => undefined)
          .finally(() => {
            delivering = false;
          });
      }, pollMs);
      return {
        onReport: (listener) => void reportListeners.push(listener),
        onClosed: (listener) => void closedListeners.push(listener),
        write: async (report) => {
          if (closed) throw new Error('device closed');
          await appendFile(join(folder, 'out.log'), `${toHex(report)}\n`);
        },
        close: async () => {
          closed = true;
          clearInterval(timer);
        },
      };
    },
  };
};
