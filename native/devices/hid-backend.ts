/**
 * What the headset layer needs from the operating system's HID stack. node-hid implements it on
 * the agent's PC; a folder-driven replay implements it for tests (`replay-backend.ts`).
 */
export interface HidDeviceInfo {
  /** Opaque and stable while the device stays plugged in (a hidraw node, a Windows device path). */
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly manufacturer: string | null;
  readonly product: string | null;
  /** The top-level collection's usage page and usage when the OS reports them (0x0B/0x05 for a headset). */
  readonly usagePage: number | null;
  readonly usage: number | null;
}

export interface HidConnection {
  onReport(listener: (report: Uint8Array) => void): void;
  /** The device went away or failed while open. */
  onClosed(listener: (reason: string) => void): void;
  write(report: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Why a device could not be opened, in words an agent or IT admin can act on. */
export class HidOpenError extends Error {
  constructor(
    readonly kind: 'permission' | 'busy' | 'unsupported' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'HidOpenError';
  }
}

export interface HidBackend {
  list(): Promise<HidDeviceInfo[]>;
  reportDescriptor(device: HidDeviceInfo): Promise<Uint8Array>;
  open(device: HidDeviceInfo): Promise<HidConnection>;
}

/** An error's message as text for a log field or a status line, whatever was thrown. */
export const reasonOf = (error: unknown, max = 120): string =>
  String(error instanceof Error ? error.message : error).slice(0, max);
