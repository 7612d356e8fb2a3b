/**
 * The HID backend on the agent's PC: node-hid 3 (N-API, prebuilt inside the npm package for
 * linux-x64/arm64 and win32-x64, so Electron needs no rebuild). On Linux it needs libusb-1.0 and
 * libudev (the .deb depends on them), and the hidraw node must be the user's: the udev rule in
 * build/linux/ grants it with TAG+="uaccess". Loaded lazily: a PC without it runs without headset.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HidBackend, HidConnection, HidDeviceInfo } from './hid-backend';
import { HidOpenError, reasonOf } from './hid-backend';

/** The part of node-hid 3 used here, written out: the package is optional and may be absent. */
interface NodeHidDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string;
  readonly manufacturer?: string;
  readonly product?: string;
  readonly usagePage?: number;
  readonly usage?: number;
}
interface NodeHidHandle {
  on(event: 'data', listener: (data: Buffer) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  write(values: Buffer): Promise<number>;
  close(): Promise<void>;
}
interface NodeHid {
  devicesAsync(): Promise<NodeHidDevice[]>;
  readonly HIDAsync: { open(path: string, options?: { nonExclusive?: boolean }): Promise<NodeHidHandle> };
}

const NODE_HID = 'node-hid';

const openError = (error: unknown, device: HidDeviceInfo): HidOpenError => {
  const message = reasonOf(error, 400);
  if (/permission|EACCES|access denied/i.test(message))
    return new HidOpenError(
      'permission',
      `没有权限打开耳机 ${device.product ?? ''}：请安装 udev 规则（见 README“耳机”）后重新插拔`,
    );
  if (/busy|exclusive|in use/i.test(message)) return new HidOpenError('busy', '耳机正被其他程序占用（例如厂商的耳机软件）');
  return new HidOpenError('failed', `无法打开耳机：${message.slice(0, 80)}`);
};

/** Linux exposes every hidraw node's report descriptor in sysfs, readable without opening the device. */
const linuxDescriptor = async (device: HidDeviceInfo): Promise<Uint8Array> => {
  const node = basename(device.path);
  if (!/^hidraw\d+$/.test(node)) throw new HidOpenError('unsupported', `不是 hidraw 设备：${node}`);
  return new Uint8Array(await readFile(`/sys/class/hidraw/${node}/device/report_descriptor`));
};

export const loadNodeHidBackend = async (): Promise<{ backend: HidBackend } | { unavailable: string }> => {
  let hid: NodeHid;
  try {
    // By name, so that neither tsc nor the bundler needs the optional package to be there.
    const loaded = (await import(NODE_HID)) as NodeHid & { default?: NodeHid };
    hid = loaded.default ?? loaded;
    await hid.devicesAsync();
  } catch (error) {
    const message = reasonOf(error, 400);
    return {
      unavailable: /libusb|libudev/.test(message)
        ? `耳机支持缺少系统库：${/lib[a-z0-9.-]+\.so[.0-9]*/.exec(message)?.[0] ?? 'libusb-1.0 / libudev'}`
        : '本机无法加载耳机支持（node-hid）',
    };
  }
  const backend: HidBackend = {
    list: async () =>
      (await hid.devicesAsync()).flatMap((device) =>
        device.path
          ? [
              {
                path: device.path,
                vendorId: device.vendorId,
                productId: device.productId,
                manufacturer: device.manufacturer ?? null,
                product: device.product ?? null,
                usagePage: device.usagePage ?? null,
                usage: device.usage ?? null,
              },
            ]
          : [],
      ),
    reportDescriptor: async (device) => {
      if (process.platform === 'linux') return linuxDescriptor(device);
      // node-hid does not bind hidapi's hid_get_report_descriptor yet (Windows needs it).
      throw new HidOpenError('unsupported', '此系统上暂时无法读取耳机的报告描述符');
    },
    open: async (device): Promise<HidConnection> => {
      let handle: NodeHidHandle;
      try {
        handle = await hid.HIDAsync.open(device.path, { nonExclusive: true });
      } catch (error) {
        throw openError(error, device);
      }
      const closed: ((reason: string) => void)[] = [];
      handle.on('error', (error: Error) => closed.forEach((listener) => listener(String(error?.message ?? '耳机已断开'))));
      return {
        onReport: (listener) => void handle.on('data', (data: Buffer) => listener(new Uint8Array(data))),
        onClosed: (listener) => void closed.push(listener),
        write: async (report) => {
          await handle.write(Buffer.from(report));
        },
        close: () => handle.close(),
      };
    },
  };
  return { backend };
};
