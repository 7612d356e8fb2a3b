/**
 * Input reports → what the agent did on the headset. Absolute controls report a state (hook off
 * is 1 while off), relative ones a press of a toggle: a press is the 0 → 1 edge, and a toggled
 * hook switch flips the hook state the decoder keeps (and the host corrects, see `hostHook`).
 */
import type { InputControl, TelephonyInterface } from './telephony-controls';
import type { TelephonyInput } from './usages';
import { readBits } from './report-bits';

export type HeadsetButton = Exclude<TelephonyInput, 'hookSwitch'>;

export type HeadsetEvent =
  /** `toggle`: the device reports hook presses, so an echo looks like a press (see headset-session). */
  | { readonly type: 'hook'; readonly offHook: boolean; readonly toggle: boolean }
  | { readonly type: 'press'; readonly button: HeadsetButton };

export interface InputDecoder {
  /** A report as the device sent it (with its report-ID byte when the device uses report IDs). */
  decode(report: Uint8Array): HeadsetEvent[];
  /** The host went off or on hook itself (answered or ended on screen): a toggle now flips from there. */
  hostHook(offHook: boolean): void;
}

const controlValue = (control: InputControl, data: Uint8Array): number => {
  if (!control.array) return readBits(data, control.bitOffset, control.bitSize);
  for (let element = 0; element < control.array.elements; element += 1)
    if (control.array.values.includes(readBits(data, control.bitOffset + element * control.bitSize, control.bitSize))) return 1;
  return 0;
};

export const createInputDecoder = (telephony: TelephonyInterface): InputDecoder => {
  const last = new Map<InputControl, number>();
  let offHook = false;

  return {
    decode: (report) => {
      const reportId = telephony.usesReportIds ? (report[0] ?? -1) : 0;
      const data = telephony.usesReportIds ? report.subarray(1) : report;
      const controls = telephony.inputs.filter((control) => control.reportId === reportId);
      const events: HeadsetEvent[] = [];
      for (const control of controls) {
        const value = controlValue(control, data);
        const before = last.get(control) ?? 0;
        last.set(control, value);
        const pressed = before === 0 && value !== 0;
        if (control.name === 'hookSwitch') {
          const next = control.relative ? (pressed ? !offHook : offHook) : value !== 0;
          if (next !== offHook) {
            offHook = next;
            events.push({ type: 'hook', offHook, toggle: control.relative });
          }
        } else if (pressed) {
          events.push({ type: 'press', button: control.name });
        }
      }
      return events;
    },
    hostHook: (next) => {
      offHook = next;
    },
  };
};
