import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeDescriptor } from '../../../../native/hid/describe';
import { parseReportDescriptor } from '../../../../native/hid/descriptor-parser';
import { HidFormatError } from '../../../../native/hid/hid-error';
import { isTelephonyHeadset, telephonyInterfaces } from '../../../../native/hid/telephony-controls';
import { FIXTURES, fixtureBytes, hex } from './hid-fixtures';

const compact = (described: ReturnType<typeof describeDescriptor>) => ({
  telephony: described.telephony,
  inputs: described.inputs.map((i) => `${i.usage} r${i.reportId} @${i.bitOffset}/${i.bitSize}${i.relative ? ' toggle' : ''}`),
  outputs: described.outputs.map((o) => `${o.usage} r${o.reportId} @${o.bitOffset}/${o.bitSize}`),
});

// Read by hand from each descriptor's bytes (flags 0x06 = relative, i.e. a toggle).
const EXPECTED = {
  '046d-0ac4': { telephony: false, inputs: [], outputs: [] },
  '047f-02e6': {
    telephony: true,
    inputs: [
      'hookSwitch r32 @0/1',
      'phoneMute r32 @1/1 toggle',
      'flash r32 @2/1',
      'redial r32 @3/1 toggle',
      'programmableButton r32 @4/1 toggle',
    ],
    outputs: ['ring r33 @0/1', 'mute r35 @0/1', 'offHook r36 @0/1', 'hold r37 @0/1'],
  },
  '0b0e-0307': {
    telephony: true,
    inputs: [
      'hookSwitch r2 @0/1',
      'lineBusyTone r2 @1/1',
      'phoneMute r2 @2/1 toggle',
      'flash r2 @3/1 toggle',
      'redial r2 @4/1 toggle',
      'programmableButton r2 @6/1',
    ],
    outputs: ['offHook r2 @0/1', 'mute r2 @1/1', 'ring r2 @2/1', 'hold r2 @3/1', 'microphone r2 @4/1', 'ringer r2 @5/1'],
  },
  '1395-009c': {
    telephony: true,
    inputs: [
      'hookSwitch r2 @0/1',
      'flash r2 @1/1 toggle',
      'redial r2 @2/1 toggle',
      'phoneMute r2 @3/1 toggle',
      'drop r2 @4/1 toggle',
      'programmableButton r2 @5/1',
    ],
    outputs: ['offHook r3 @0/1', 'microphone r3 @1/1', 'ring r3 @2/1', 'mute r3 @3/1', 'onLine r3 @4/1', 'hold r3 @5/1'],
  },
} as const;

/** The shared research data's own decoding (another parser's), for the usages we drive. */
const REFERENCE_NAMES: Record<string, string> = {
  'Tel/HookSwitch': 'hookSwitch',
  'Tel/PhoneMute': 'phoneMute',
  'Tel/Flash': 'flash',
  'Tel/Redial': 'redial',
  'Tel/Drop': 'drop',
  'Tel/LineBusyTone': 'lineBusyTone',
  'Tel/ProgrammableButton': 'programmableButton',
  'LED/OffHook': 'offHook',
  'LED/Ring': 'ring',
  'LED/Mute': 'mute',
  'LED/Hold': 'hold',
  'LED/Microphone': 'microphone',
  'LED/OnLine': 'onLine',
  'Tel/Ringer': 'ringer',
};
const reference = JSON.parse(
  readFileSync(new URL('../../../fixtures/hid/decoded-usages.json', import.meta.url), 'utf8'),
) as Record<string, string[]>;

describe('HID report descriptors of real headsets', () => {
  for (const name of FIXTURES) {
    it(`${name}: the right controls, report IDs, offsets and toggle flags`, () => {
      expect(compact(describeDescriptor(fixtureBytes(name)))).toEqual(EXPECTED[name]);
    });

    it(`${name}: agrees with the research data's independent decoding`, () => {
      const described = describeDescriptor(fixtureBytes(name));
      const ours = [
        ...described.inputs.map((i) => `In:${i.usage}(r${i.reportId})`),
        ...described.outputs.map((o) => `Out:${o.usage}(r${o.reportId})`),
      ].sort();
      const theirs = (reference[`${name}.hex.txt`] ?? [])
        .map((line) => /^(In|Out):(\w+\/\w+)\(r(\d+)\)$/.exec(line))
        .flatMap((match) =>
          match && REFERENCE_NAMES[match[2]!] ? [`${match[1]}:${REFERENCE_NAMES[match[2]!]}(r${match[3]})`] : [],
        )
        .sort();
      expect(ours).toEqual(theirs);
    });
  }

  it('the gaming headset has consumer controls and no telephony ones: it is left alone', () => {
    const descriptor = parseReportDescriptor(fixtureBytes('046d-0ac4'));
    expect(descriptor.fields.some((field) => field.usages.includes(0x000c00e9))).toBe(true);
    expect(telephonyInterfaces(descriptor)).toEqual([]);
    expect(isTelephonyHeadset(descriptor)).toBe(false);
  });

  it('counts output report bytes after the report-ID byte, including padding', () => {
    const [jabra] = telephonyInterfaces(parseReportDescriptor(fixtureBytes('0b0e-0307')));
    expect(jabra?.outputReportBytes).toEqual(new Map([[2, 2]]));
  });
});

describe('descriptor grammar (synthetic descriptors)', () => {
  const headset = (body: string) => hex(`05 0b 09 05 a1 01 ${body} c0`);

  it('a Telephony application nested inside a vendor one, and a vendor one nested inside Telephony', () => {
    const described = describeDescriptor(
      hex(`06 00 ff 09 01 a1 01
             05 0b 09 05 a1 01 15 00 25 01 75 01 95 01 09 20 81 02
               06 00 ff 09 02 a1 01 09 03 75 01 95 01 81 02 c0
               05 08 09 09 91 02 95 07 91 01
             c0
           c0`),
    );
    expect(compact(described)).toEqual({ telephony: true, inputs: ['hookSwitch r0 @0/1'], outputs: ['mute r0 @0/1'] });
  });

  it('push and pop restore the report size and usage page', () => {
    const described = describeDescriptor(headset(`15 00 25 01 75 01 95 01 a4 75 07 05 08 09 01 81 03 b4 09 2f 81 06`));
    // The 7-bit field in between is on the LED page; after Pop the mute is 1 bit on Telephony again.
    expect(compact(described).inputs).toEqual(['phoneMute r0 @7/1 toggle']);
  });

  it('extended 32-bit usages carry their own page', () => {
    const described = describeDescriptor(headset(`15 00 25 01 75 01 95 01 0b 20 00 0b 00 81 02 0b 17 00 08 00 91 02`));
    expect(compact(described)).toEqual({ telephony: true, inputs: ['hookSwitch r0 @0/1'], outputs: ['offHook r0 @0/1'] });
  });

  it('a usage range names consecutive controls; a page declared after a usage does not change it', () => {
    const described = describeDescriptor(headset(`85 05 15 00 25 01 75 01 95 02 19 20 29 21 81 02 09 07 05 09 95 01 81 02`));
    expect(compact(described).inputs).toEqual(['hookSwitch r5 @0/1', 'flash r5 @1/1', 'programmableButton r5 @2/1']);
  });

  it('array fields: each listed usage is a value of the array', () => {
    const described = describeDescriptor(headset(`15 01 25 02 75 02 95 01 09 20 09 2f 81 00`));
    expect(compact(described).inputs).toEqual(['hookSwitch r0 @0/2', 'phoneMute r0 @0/2']);
  });

  it('long items are skipped whole; offsets run separately per report ID and direction', () => {
    const described = describeDescriptor(
      headset(
        `fe 02 10 aa bb 85 01 15 00 25 01 75 01 95 01 09 20 81 02 05 08 09 18 91 02 85 02 05 0b 95 03 81 01 95 01 09 2f 81 02`,
      ),
    );
    expect(compact(described)).toEqual({
      telephony: true,
      inputs: ['hookSwitch r1 @0/1', 'phoneMute r2 @3/1'],
      outputs: ['ring r1 @0/1'],
    });
  });

  const broken: [string, string, RegExp][] = [
    ['a truncated item', '05 0b 09', /被截断/],
    ['a truncated long item', 'fe 05 10 00', /被截断/],
    ['End Collection without Collection', '05 0b 09 05 c0', /没有对应的 Collection/],
    ['a collection never closed', '05 0b 09 05 a1 01 09 20 81 02', /没有 End Collection/],
    ['Pop without Push', '05 0b b4', /Pop/],
    ['report ID 0', '05 0b 09 05 a1 01 85 00 c0', /报告 ID/],
    ['a usage before any usage page', '09 20 a1 01 c0', /没有声明用法页/],
    ['usage page 0', '05 00 09 20 a1 01 c0', /用法页/],
    ['a reserved item type', '0c 00', /保留的项目类型/],
    ['an unknown main item', '05 0b d0', /未知的主项目/],
    ['an impossible report size', '05 0b 09 05 a1 01 76 00 10 95 01 09 20 81 02 c0', /Report Size/],
    ['Usage Maximum below Minimum', '05 0b 09 05 a1 01 19 21 29 20 75 01 95 01 81 02 c0', /Usage Maximum/],
  ];
  for (const [what, bytes, message] of broken)
    it(`refuses ${what} with a clear error`, () => {
      expect(() => parseReportDescriptor(hex(bytes))).toThrow(HidFormatError);
      expect(() => parseReportDescriptor(hex(bytes))).toThrow(message);
    });
});
