/**
 * A HID report descriptor (USB HID 1.11 §6.2.2) read into the fields each report carries: where
 * every field sits (report ID, bit offset from the first bit after the report-ID byte, size),
 * what it means (usages, completed to 32 bits) and which collections enclose it. Pure: bytes in,
 * data out, HidFormatError for anything a device could get wrong.
 */
import { HidFormatError } from './hid-error';
import { fullUsage } from './usages';

export type FieldKind = 'input' | 'output' | 'feature';

export interface HidCollection {
  readonly index: number;
  /** 0 physical, 1 application, 2 logical, 3 report, … (HID 1.11 §6.2.2.6). */
  readonly type: number;
  readonly usage: number;
  readonly parent: number | null;
}

export interface HidField {
  readonly kind: FieldKind;
  /** 0 when the device uses no report IDs. */
  readonly reportId: number;
  readonly bitOffset: number;
  readonly bitSize: number;
  readonly count: number;
  readonly constant: boolean;
  readonly variable: boolean;
  readonly relative: boolean;
  readonly logicalMin: number;
  readonly logicalMax: number;
  /** Full usages: for a variable field one per element (the last repeats), for an array the value list. */
  readonly usages: readonly number[];
  /** The innermost enclosing collection, or null at top level. */
  readonly collection: number | null;
}

export interface ParsedDescriptor {
  readonly fields: readonly HidField[];
  readonly collections: readonly HidCollection[];
  readonly usesReportIds: boolean;
  /** Bits per report, after the report-ID byte, by `${kind}:${reportId}`. */
  readonly reportBits: ReadonlyMap<string, number>;
}

/** Linux caps a field at 256 bits per element and a report at a few thousand usages; so do we. */
const MAX_REPORT_SIZE = 256;
const MAX_REPORT_COUNT = 4096;
const MAX_RANGE = 0x10000;
const MAX_PUSH_DEPTH = 32;
const MAX_COLLECTION_DEPTH = 64;

interface Globals {
  usagePage: number;
  logicalMin: number;
  logicalMax: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

interface LocalUsage {
  /** Full usage, page taken from the Usage Page in effect when the usage was read. */
  readonly usage: number;
  readonly extended: boolean;
}

const MAIN = 0;
const GLOBAL = 1;
const LOCAL = 2;

const unsigned = (bytes: Uint8Array, at: number, size: number): number => {
  let value = 0;
  for (let index = size - 1; index >= 0; index -= 1) value = value * 256 + (bytes[at + index] ?? 0);
  return value;
};

const signed = (value: number, size: number): number => {
  if (size === 0) return 0;
  const bits = size * 8;
  const limit = 2 ** (bits - 1);
  return value >= limit ? value - 2 ** bits : value;
};

export const reportKey = (kind: FieldKind, reportId: number): string => `${kind}:${reportId}`;

export const parseReportDescriptor = (bytes: Uint8Array): ParsedDescriptor => {
  if (bytes.length === 0) throw new HidFormatError('报告描述符为空');
  const fields: HidField[] = [];
  const collections: HidCollection[] = [];
  const open: number[] = [];
  const reportBits = new Map<string, number>();
  const pushed: Globals[] = [];
  let globals: Globals = { usagePage: 0, logicalMin: 0, logicalMax: 0, reportSize: 0, reportCount: 0, reportId: 0 };
  let usesReportIds = false;
  let usages: LocalUsage[] = [];
  let usageMin: LocalUsage | null = null;
  let usageMax: LocalUsage | null = null;

  const resetLocals = (): void => {
    usages = [];
    usageMin = null;
    usageMax = null;
  };

  const localUsage = (value: number, size: number): LocalUsage =>
    size === 4 ? { usage: value >>> 0, extended: true } : { usage: fullUsage(globals.usagePage, value), extended: false };

  /**
   * A short usage takes the Usage Page in effect when it is read ("the high order 16 bits of
   * subsequent usages", HID 1.11 §6.2.2.7): Jabra declares Telephony's Programmable Button and then
   * the Button page for the same field. Only a usage read before any page takes the current one.
   */
  const completedUsages = (at: number): number[] => {
    const page = globals.usagePage;
    const list = usages.map((entry) =>
      !entry.extended && entry.usage >>> 16 === 0 ? fullUsage(page, entry.usage & 0xffff) : entry.usage,
    );
    if (usageMin || usageMax) {
      if (!usageMin || !usageMax) throw new HidFormatError('Usage Minimum 与 Usage Maximum 须成对出现', at);
      const min = usageMin.extended ? usageMin.usage : fullUsage(page, usageMin.usage & 0xffff);
      const max = usageMax.extended ? usageMax.usage : fullUsage(page, usageMax.usage & 0xffff);
      if (max < min) throw new HidFormatError('Usage Maximum 小于 Usage Minimum', at);
      const end = Math.min(max, min + MAX_RANGE - 1);
      for (let usage = min; usage <= end; usage += 1) list.push(usage);
    }
    for (const usage of list)
      if (usage >>> 16 === 0) throw new HidFormatError(`用法 0x${usage.toString(16)} 之前没有声明用法页`, at);
    return list;
  };

  const addField = (kind: FieldKind, flags: number, at: number): void => {
    const { reportSize, reportCount, reportId } = globals;
    if (reportSize > MAX_REPORT_SIZE) throw new HidFormatError(`Report Size ${reportSize} 超出范围`, at);
    if (reportCount > MAX_REPORT_COUNT) throw new HidFormatError(`Report Count ${reportCount} 超出范围`, at);
    const key = reportKey(kind, reportId);
    const bitOffset = reportBits.get(key) ?? 0;
    reportBits.set(key, bitOffset + reportSize * reportCount);
    const list = completedUsages(at);
    if (reportSize === 0 || reportCount === 0) return;
    fields.push({
      kind,
      reportId,
      bitOffset,
      bitSize: reportSize,
      count: reportCount,
      constant: (flags & 0x01) !== 0,
      variable: (flags & 0x02) !== 0,
      relative: (flags & 0x04) !== 0,
      logicalMin: globals.logicalMin,
      logicalMax: globals.logicalMax,
      usages: list,
      collection: open.at(-1) ?? null,
    });
  };

  let offset = 0;
  while (offset < bytes.length) {
    const at = offset;
    const prefix = bytes[offset]!;
    if (prefix === 0xfe) {
      // A long item (HID 1.11 §6.2.2.3): no standard tag uses one, so it is skipped whole.
      if (offset + 3 > bytes.length) throw new HidFormatError('长项目被截断', at);
      const size = bytes[offset + 1]!;
      if (offset + 3 + size > bytes.length) throw new HidFormatError('长项目的数据被截断', at);
      offset += 3 + size;
      continue;
    }
    const sizeCode = prefix & 0x03;
    const size = sizeCode === 3 ? 4 : sizeCode;
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    if (offset + 1 + size > bytes.length) throw new HidFormatError(`项目 0x${prefix.toString(16)} 的数据被截断`, at);
    const value = unsigned(bytes, offset + 1, size);
    offset += 1 + size;

    if (type === MAIN) {
      switch (tag) {
        case 0x8:
          addField('input', value, at);
          break;
        case 0x9:
          addField('output', value, at);
          break;
        case 0xb:
          addField('feature', value, at);
          break;
        case 0xa: {
          if (open.length >= MAX_COLLECTION_DEPTH) throw new HidFormatError('集合嵌套过深', at);
          const usage = completedUsages(at)[0] ?? 0;
          const index = collections.length;
          collections.push({ index, type: value & 0xff, usage, parent: open.at(-1) ?? null });
          open.push(index);
          break;
        }
        case 0xc:
          if (open.length === 0) throw new HidFormatError('End Collection 没有对应的 Collection', at);
          open.pop();
          break;
        default:
          throw new HidFormatError(`未知的主项目标签 0x${tag.toString(16)}`, at);
      }
      resetLocals();
      continue;
    }

    if (type === GLOBAL) {
      switch (tag) {
        case 0x0:
          if (size === 4 || value === 0) throw new HidFormatError(`无效的用法页 0x${value.toString(16)}`, at);
          globals = { ...globals, usagePage: value };
          break;
        case 0x1:
          globals = { ...globals, logicalMin: signed(value, size) };
          break;
        case 0x2:
          globals = { ...globals, logicalMax: globals.logicalMin < 0 ? signed(value, size) : value };
          break;
        case 0x3:
        case 0x4:
        case 0x5:
        case 0x6:
          break;
        case 0x7:
          globals = { ...globals, reportSize: value };
          break;
        case 0x8:
          if (value === 0 || value > 0xff) throw new HidFormatError(`无效的报告 ID ${value}`, at);
          globals = { ...globals, reportId: value };
          usesReportIds = true;
          break;
        case 0x9:
          globals = { ...globals, reportCount: value };
          break;
        case 0xa:
          if (pushed.length >= MAX_PUSH_DEPTH) throw new HidFormatError('Push 嵌套过深', at);
          pushed.push({ ...globals });
          break;
        case 0xb: {
          const restored = pushed.pop();
          if (!restored) throw new HidFormatError('Pop 没有对应的 Push', at);
          globals = restored;
          break;
        }
        default:
          throw new HidFormatError(`未知的全局项目标签 0x${tag.toString(16)}`, at);
      }
      continue;
    }

    if (type === LOCAL) {
      switch (tag) {
        case 0x0:
          usages.push(localUsage(value, size));
          break;
        case 0x1:
          usageMin = localUsage(value, size);
          break;
        case 0x2:
          usageMax = localUsage(value, size);
          break;
        case 0x3:
        case 0x4:
        case 0x5:
        case 0x7:
        case 0x8:
        case 0x9:
        case 0xa:
          break;
        default:
          throw new HidFormatError(`未知的局部项目标签 0x${tag.toString(16)}`, at);
      }
      continue;
    }
    throw new HidFormatError(`保留的项目类型（前缀 0x${prefix.toString(16)}）`, at);
  }
  if (open.length > 0) throw new HidFormatError(`有 ${open.length} 个集合没有 End Collection`, bytes.length);
  return { fields, collections, usesReportIds, reportBits };
};
