import { describe, expect, it } from 'vitest';
import { parseReportDescriptor } from '../../../../native/hid/descriptor-parser';
import { createHeadsetSession, HOOK_ECHO_MS } from '../../../../native/hid/headset-session';
import { createInputDecoder } from '../../../../native/hid/input-decoder';
import { encodeOutputReports, LIGHTS_OFF } from '../../../../native/hid/output-encoder';
import { type TelephonyInterface, telephonyInterfaces } from '../../../../native/hid/telephony-controls';
import { type Fixture, fixtureBytes, hex } from './hid-fixtures';

const telephonyOf = (bytes: Uint8Array): TelephonyInterface => {
  const [telephony] = telephonyInterfaces(parseReportDescriptor(bytes));
  if (!telephony) throw new Error('no telephony collection');
  return telephony;
};
const headset = (name: Fixture) => telephonyOf(fixtureBytes(name));
const bytes = (...values: number[]) => Uint8Array.from(values);
const reports = (list: readonly Uint8Array[]) => list.map((report) => [...report]);

describe('input reports → headset events', () => {
  it('Jabra (absolute hook, toggle mute): hook off, a mute press, its release, hook on', () => {
    const decoder = createInputDecoder(headset('0b0e-0307'));
    expect(decoder.decode(bytes(0x02, 0b0000_0001))).toEqual([{ type: 'hook', offHook: true, toggle: false }]);
    expect(decoder.decode(bytes(0x02, 0b0000_0101))).toEqual([{ type: 'press', button: 'phoneMute' }]);
    expect(decoder.decode(bytes(0x02, 0b0000_0001))).toEqual([]);
    expect(decoder.decode(bytes(0x02, 0b0000_0000))).toEqual([{ type: 'hook', offHook: false, toggle: false }]);
  });

  it('reports of another ID (the vendor collection, consumer keys) are not ours', () => {
    const decoder = createInputDecoder(headset('0b0e-0307'));
    expect(decoder.decode(bytes(0x04, 0xff, 0xff))).toEqual([]);
    expect(decoder.decode(bytes(0x01, 0x03, 0x00))).toEqual([]);
  });

  it('EPOS: drop and flash are presses on their rising edge only', () => {
    const decoder = createInputDecoder(headset('1395-009c'));
    expect(decoder.decode(bytes(0x02, 0b0001_0010))).toEqual([
      { type: 'press', button: 'flash' },
      { type: 'press', button: 'drop' },
    ]);
    expect(decoder.decode(bytes(0x02, 0b0001_0010))).toEqual([]);
  });

  it('EPOS: its Programmable Button is a named array: Button 1 is a press, the array at rest is not', () => {
    const decoder = createInputDecoder(headset('1395-009c'));
    expect(decoder.decode(bytes(0x02, 0x00))).toEqual([]);
    expect(decoder.decode(bytes(0x02, 0b0010_0000))).toEqual([{ type: 'press', button: 'programmableButton' }]);
  });

  it('a toggled hook switch flips the hook state, and the host can set it', () => {
    const decoder = createInputDecoder(telephonyOf(hex('05 0b 09 05 a1 01 15 00 25 01 75 01 95 01 09 20 81 06 95 07 81 01 c0')));
    expect(decoder.decode(bytes(0x01))).toEqual([{ type: 'hook', offHook: true, toggle: true }]);
    expect(decoder.decode(bytes(0x00))).toEqual([]);
    expect(decoder.decode(bytes(0x01))).toEqual([{ type: 'hook', offHook: false, toggle: true }]);
    decoder.decode(bytes(0x00));
    decoder.hostHook(true);
    expect(decoder.decode(bytes(0x01))).toEqual([{ type: 'hook', offHook: false, toggle: true }]);
  });

  it('an array field reports the button whose value it holds', () => {
    const decoder = createInputDecoder(
      telephonyOf(hex('05 0b 09 05 a1 01 15 01 25 02 75 02 95 01 09 20 09 2f 81 00 75 06 81 01 c0')),
    );
    expect(decoder.decode(bytes(0x02))).toEqual([{ type: 'press', button: 'phoneMute' }]);
    expect(decoder.decode(bytes(0x01))).toEqual([{ type: 'hook', offHook: true, toggle: false }]);
  });
});

describe('call state → output reports', () => {
  it('Jabra: Ring and Ringer while ringing; Off-Hook, Mute and Microphone while muted in a call; all off after', () => {
    const jabra = headset('0b0e-0307');
    expect(reports(encodeOutputReports(jabra, { ...LIGHTS_OFF, ringing: true }))).toEqual([[0x02, 0b0010_0100, 0x00]]);
    expect(reports(encodeOutputReports(jabra, { ...LIGHTS_OFF, offHook: true, muted: true }))).toEqual([
      [0x02, 0b0001_0011, 0x00],
    ]);
    expect(reports(encodeOutputReports(jabra, { ...LIGHTS_OFF, offHook: true, held: true }))).toEqual([
      [0x02, 0b0000_1001, 0x00],
    ]);
    expect(reports(encodeOutputReports(jabra, LIGHTS_OFF))).toEqual([[0x02, 0x00, 0x00]]);
  });

  it('Poly: one report per light, each with its own report ID', () => {
    expect(reports(encodeOutputReports(headset('047f-02e6'), { ...LIGHTS_OFF, offHook: true, muted: true }))).toEqual([
      [33, 0],
      [35, 1],
      [36, 1],
      [37, 0],
    ]);
  });

  it('never lights Mute on hook', () => {
    expect(reports(encodeOutputReports(headset('1395-009c'), { ...LIGHTS_OFF, muted: true }))).toEqual([[0x03, 0x00]]);
  });
});

describe('headset session: the rules between reports and calls', () => {
  const ringing = { ringing: true, inCall: false, muted: false, held: false };
  const inCall = { ringing: false, inCall: true, muted: false, held: false };
  const idle = { ringing: false, inCall: false, muted: false, held: false };

  it('hook off answers a ringing call; hook on ends the call', () => {
    const session = createHeadsetSession(headset('0b0e-0307'));
    expect(reports(session.onCallState(ringing, 0).reports)).toEqual([[0x02, 0b0010_0100, 0x00]]);
    expect(session.onReport(bytes(0x02, 0x01), 1_000).requests).toEqual(['answer']);
    expect(reports(session.onCallState(inCall, 1_050).reports)).toEqual([[0x02, 0b0000_0001, 0x00]]);
    expect(session.onReport(bytes(0x02, 0x00), 5_000).requests).toEqual(['hangup']);
  });

  it('hook off and straight back on, before the console has confirmed the answer: answered, then hung up', () => {
    const session = createHeadsetSession(headset('0b0e-0307'));
    session.onCallState(ringing, 0);
    expect(session.onReport(bytes(0x02, 0x01), 1_000).requests).toEqual(['answer']);
    expect(session.onReport(bytes(0x02, 0x00), 1_020).requests).toEqual(['hangup']);
  });

  it('a mute press is answered with the Mute LED at once, before the console confirms', () => {
    const session = createHeadsetSession(headset('0b0e-0307'));
    session.onCallState(inCall, 0);
    const pressed = session.onReport(bytes(0x02, 0b0000_0101), 2_000);
    expect(pressed.requests).toEqual(['toggleMute']);
    expect(reports(pressed.reports)).toEqual([[0x02, 0b0001_0011, 0x00]]);
    // The console's mute arrives: the lights are already right, nothing more is written.
    expect(session.onCallState({ ...inCall, muted: true }, 2_010).reports).toEqual([]);
  });

  it('a mute press with no call asks for nothing and puts the lights back', () => {
    const session = createHeadsetSession(headset('0b0e-0307'));
    const pressed = session.onReport(bytes(0x02, 0b0000_0100), 0);
    expect(pressed.requests).toEqual([]);
    expect(reports(pressed.reports)).toEqual([[0x02, 0x00, 0x00]]);
  });

  const toggleHeadset = () =>
    telephonyOf(hex('05 0b 09 05 a1 01 15 00 25 01 75 01 95 01 09 20 81 06 95 07 81 01 05 08 09 17 95 01 91 02 95 07 91 01 c0'));

  it('a toggling headset’s echo of a call answered on screen is not taken for the agent hanging up', () => {
    const session = createHeadsetSession(toggleHeadset());
    session.onCallState(ringing, 0);
    session.onCallState(inCall, 1_000);
    expect(session.onReport(bytes(0x01), 1_100).requests).toEqual([]);
    expect(session.onReport(bytes(0x00), 1_150).requests).toEqual([]);
    // After the window, the next press is the agent's.
    expect(session.onReport(bytes(0x01), 1_000 + HOOK_ECHO_MS + 100).requests).toEqual(['hangup']);
  });

  it('an absolute hook going on hook right after a call was answered on screen is the agent hanging up', () => {
    const session = createHeadsetSession(headset('0b0e-0307'));
    session.onCallState(ringing, 0);
    session.onCallState(inCall, 1_000);
    // Its report of the state the host set is no change at all.
    expect(session.onReport(bytes(0x02, 0x01), 1_050).requests).toEqual([]);
    expect(session.onReport(bytes(0x02, 0x00), 1_200).requests).toEqual(['hangup']);
  });

  it('muted on screen while going off hook: Off-Hook goes first, then Mute', () => {
    const session = createHeadsetSession(headset('1395-009c'));
    expect(reports(session.onCallState({ ...inCall, muted: true }, 0).reports)).toEqual([
      [0x03, 0b0001_0001],
      [0x03, 0b0001_1011],
    ]);
  });

  it('after a replug the last lights can be written again', () => {
    const session = createHeadsetSession(headset('1395-009c'));
    session.onCallState({ ...inCall, held: true }, 0);
    expect(reports(session.currentReports())).toEqual([[0x03, 0b0011_0001]]);
    session.onCallState(idle, 10);
    expect(reports(session.currentReports())).toEqual([[0x03, 0x00]]);
  });
});
