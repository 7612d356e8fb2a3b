/**
 * The parts of the HID Usage Tables (HUT 1.5) a telephony headset is driven by: the Telephony
 * Device page (0x0B) for buttons and the ringer, the LED page (0x08) for lights.
 */
export const TELEPHONY_PAGE = 0x0b;
export const LED_PAGE = 0x08;
export const BUTTON_PAGE = 0x09;

export const telephonyInputUsages = {
  hookSwitch: 0x20,
  phoneMute: 0x2f,
  flash: 0x21,
  redial: 0x24,
  drop: 0x26,
  lineBusyTone: 0x97,
  programmableButton: 0x07,
} as const;
export type TelephonyInput = keyof typeof telephonyInputUsages;

export const ledOutputUsages = {
  offHook: 0x17,
  ring: 0x18,
  mute: 0x09,
  hold: 0x20,
  microphone: 0x21,
  onLine: 0x2a,
} as const;
/** The Telephony page's own Ringer output, which some headsets use instead of the Ring LED. */
export const TELEPHONY_RINGER = 0x9e;
export type TelephonyOutput = keyof typeof ledOutputUsages | 'ringer';

const byUsage = <K extends string>(table: Readonly<Record<K, number>>): ReadonlyMap<number, K> =>
  new Map(Object.entries(table).map(([name, usage]) => [usage as number, name as K]));

const inputByUsage = byUsage(telephonyInputUsages);
const ledByUsage = byUsage(ledOutputUsages);

/** `usage` is the full 32-bit usage: page in the high 16 bits. */
export const telephonyInputNamed = (usage: number): TelephonyInput | null =>
  usage >>> 16 === TELEPHONY_PAGE ? (inputByUsage.get(usage & 0xffff) ?? null) : null;

export const telephonyOutputNamed = (usage: number): TelephonyOutput | null => {
  const page = usage >>> 16;
  if (page === LED_PAGE) return ledByUsage.get(usage & 0xffff) ?? null;
  if (page === TELEPHONY_PAGE && (usage & 0xffff) === TELEPHONY_RINGER) return 'ringer';
  return null;
};

export const fullUsage = (page: number, id: number): number => ((page & 0xffff) * 0x10000 + (id & 0xffff)) >>> 0;
