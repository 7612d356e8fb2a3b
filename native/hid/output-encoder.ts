/**
 * The call as the console shows it → the headset's output reports, so its lights tell the same
 * story as the screen: Ring (or the Ringer) while a call rings, Off-Hook and On-Line during a call,
 * Mute and Microphone while muted, Hold while held.
 */
import type { OutputControl, TelephonyInterface } from './telephony-controls';
import type { TelephonyOutput } from './usages';
import { writeBits } from './report-bits';

export interface HeadsetLights {
  readonly ringing: boolean;
  readonly offHook: boolean;
  readonly muted: boolean;
  readonly held: boolean;
}

export const LIGHTS_OFF: HeadsetLights = { ringing: false, offHook: false, muted: false, held: false };

const lit = (name: TelephonyOutput, lights: HeadsetLights): boolean => {
  switch (name) {
    case 'ring':
    case 'ringer':
      return lights.ringing;
    case 'offHook':
    case 'onLine':
      return lights.offHook;
    // Headsets keep mute only while off hook: a Mute sent on hook is ignored or resets them.
    case 'mute':
    case 'microphone':
      return lights.offHook && lights.muted;
    case 'hold':
      return lights.offHook && lights.held;
  }
};

/**
 * One report per output report ID the headset's telephony collection uses, in report-ID order,
 * each starting with its report-ID byte (0 for a device without report IDs), as hidapi writes them.
 */
export const encodeOutputReports = (telephony: TelephonyInterface, lights: HeadsetLights): Uint8Array[] =>
  [...telephony.outputReportBytes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([reportId, bytes]) => {
      const report = new Uint8Array(1 + bytes);
      report[0] = telephony.usesReportIds ? reportId : 0;
      const data = report.subarray(1);
      telephony.outputs
        .filter((control: OutputControl) => control.reportId === reportId)
        .forEach((control) => writeBits(data, control.bitOffset, control.bitSize, lit(control.name, lights) ? 1 : 0));
      return report;
    });
