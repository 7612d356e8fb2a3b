/**
 * What `npm run hid -- describe` prints for a descriptor: whether the console can drive it as a
 * headset, and where each button and light sits. IT admins check a new headset model with it.
 */
import { parseReportDescriptor } from './descriptor-parser';
import { isTelephonyHeadset, telephonyInterfaces } from './telephony-controls';
import type { TelephonyInput, TelephonyOutput } from './usages';

export interface DescribedHeadset {
  readonly telephony: boolean;
  readonly inputs: readonly { usage: TelephonyInput; reportId: number; bitOffset: number; bitSize: number; relative: boolean }[];
  readonly outputs: readonly { usage: TelephonyOutput; reportId: number; bitOffset: number; bitSize: number }[];
}

export const describeDescriptor = (bytes: Uint8Array): DescribedHeadset => {
  const descriptor = parseReportDescriptor(bytes);
  const interfaces = telephonyInterfaces(descriptor);
  return {
    telephony: isTelephonyHeadset(descriptor),
    inputs: interfaces.flatMap((telephony) =>
      telephony.inputs.map(({ name, reportId, bitOffset, bitSize, relative }) => ({
        usage: name,
        reportId,
        bitOffset,
        bitSize,
        relative,
      })),
    ),
    outputs: interfaces.flatMap((telephony) =>
      telephony.outputs.map(({ name, reportId, bitOffset, bitSize }) => ({ usage: name, reportId, bitOffset, bitSize })),
    ),
  };
};
