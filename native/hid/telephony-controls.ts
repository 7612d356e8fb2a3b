/**
 * From a parsed descriptor to what a softphone can drive: for each Telephony application
 * collection, its buttons (Telephony page) and its lights (LED page, and the Telephony Ringer).
 */
import { type HidCollection, type HidField, type ParsedDescriptor, reportKey } from './descriptor-parser';
import {
  BUTTON_PAGE,
  TELEPHONY_PAGE,
  type TelephonyInput,
  type TelephonyOutput,
  telephonyInputNamed,
  telephonyOutputNamed,
} from './usages';

export interface InputControl {
  readonly name: TelephonyInput;
  readonly usage: number;
  readonly reportId: number;
  readonly bitOffset: number;
  readonly bitSize: number;
  /** A toggle (the device reports presses); otherwise the value is the state (hook off = 1). */
  readonly relative: boolean;
  readonly logicalMin: number;
  /** For an array field: the values that mean this control, and how many elements the array has. */
  readonly array: { readonly values: readonly number[]; readonly elements: number } | null;
}

export interface OutputControl {
  readonly name: TelephonyOutput;
  readonly usage: number;
  readonly reportId: number;
  readonly bitOffset: number;
  readonly bitSize: number;
}

export interface TelephonyInterface {
  readonly collectionUsage: number;
  readonly usesReportIds: boolean;
  readonly inputs: readonly InputControl[];
  readonly outputs: readonly OutputControl[];
  /** Bytes after the report-ID byte, per output report ID this collection writes. */
  readonly outputReportBytes: ReadonlyMap<number, number>;
}

const isTelephonyApplication = (collection: HidCollection): boolean =>
  collection.type === 1 && collection.usage >>> 16 === TELEPHONY_PAGE;

/**
 * A field belongs to its nearest enclosing application collection; EPOS nests a vendor application
 * inside the Telephony one (and others the other way round), so that is the one that counts.
 */
const owningApplication = (collections: readonly HidCollection[], start: number | null): number | null => {
  for (let index = start; index !== null; index = collections[index]?.parent ?? null)
    if (collections[index]?.type === 1) return index;
  return null;
};

const inputsOf = (field: HidField): InputControl[] => {
  if (field.constant) return [];
  if (!field.variable) {
    const control = (name: TelephonyInput, usage: number, values: number[]): InputControl => ({
      name,
      usage,
      reportId: field.reportId,
      bitOffset: field.bitOffset,
      bitSize: field.bitSize,
      relative: field.relative,
      logicalMin: field.logicalMin,
      array: { values, elements: field.count },
    });
    const named = field.usages.findIndex((usage) => telephonyInputNamed(usage) === 'programmableButton');
    const buttons = field.usages.flatMap((usage, index) => (usage >>> 16 === BUTTON_PAGE ? [field.logicalMin + index] : []));
    // A Programmable Button array names a set of Button-page usages (a named array, HUT §14.1):
    // any of those values is a press, its own index is the array at rest.
    const namedArray = named >= 0 && buttons.length > 0 ? [control('programmableButton', field.usages[named]!, buttons)] : [];
    return [
      ...namedArray,
      ...field.usages.flatMap((usage, index) => {
        const name = telephonyInputNamed(usage);
        if (!name || (name === 'programmableButton' && namedArray.length > 0)) return [];
        return [control(name, usage, [field.logicalMin + index])];
      }),
    ];
  }
  return Array.from({ length: field.count }, (_, element) => {
    const usage = field.usages[Math.min(element, field.usages.length - 1)];
    const name = usage === undefined ? null : telephonyInputNamed(usage);
    if (!name || usage === undefined) return [];
    return [
      {
        name,
        usage,
        reportId: field.reportId,
        bitOffset: field.bitOffset + element * field.bitSize,
        bitSize: field.bitSize,
        relative: field.relative,
        logicalMin: field.logicalMin,
        array: null,
      },
    ];
  }).flat();
};

const outputsOf = (field: HidField): OutputControl[] => {
  if (field.constant || !field.variable) return [];
  return Array.from({ length: field.count }, (_, element) => {
    const usage = field.usages[Math.min(element, field.usages.length - 1)];
    const name = usage === undefined ? null : telephonyOutputNamed(usage);
    if (!name || usage === undefined) return [];
    return [
      { name, usage, reportId: field.reportId, bitOffset: field.bitOffset + element * field.bitSize, bitSize: field.bitSize },
    ];
  }).flat();
};

export const telephonyInterfaces = (descriptor: ParsedDescriptor): TelephonyInterface[] =>
  descriptor.collections.filter(isTelephonyApplication).map((collection) => {
    const own = descriptor.fields.filter(
      (field) => owningApplication(descriptor.collections, field.collection) === collection.index,
    );
    const outputs = own.filter((field) => field.kind === 'output').flatMap(outputsOf);
    const outputReportBytes = new Map<number, number>();
    for (const reportId of new Set(outputs.map((output) => output.reportId)))
      outputReportBytes.set(reportId, Math.ceil((descriptor.reportBits.get(reportKey('output', reportId)) ?? 0) / 8));
    return {
      collectionUsage: collection.usage,
      usesReportIds: descriptor.usesReportIds,
      inputs: own.filter((field) => field.kind === 'input').flatMap(inputsOf),
      outputs,
      outputReportBytes,
    };
  });

/** The collection a softphone drives: the first Telephony application collection with a Hook Switch. */
export const headsetInterface = (descriptor: ParsedDescriptor): TelephonyInterface | null =>
  telephonyInterfaces(descriptor).find((telephony) => telephony.inputs.some((input) => input.name === 'hookSwitch')) ?? null;

/** A headset the console can drive: a Telephony application collection with a Hook Switch. */
export const isTelephonyHeadset = (descriptor: ParsedDescriptor): boolean => headsetInterface(descriptor) !== null;
