import { readFileSync } from 'node:fs';
import { parseHexDescriptor } from '../../../../native/hid/hex-descriptor';

export const FIXTURES = ['046d-0ac4', '047f-02e6', '0b0e-0307', '1395-009c'] as const;
export type Fixture = (typeof FIXTURES)[number];

export const fixturePath = (name: Fixture): string => new URL(`../../../fixtures/hid/${name}.hex.txt`, import.meta.url).pathname;

export const fixtureBytes = (name: Fixture): Uint8Array => parseHexDescriptor(readFileSync(fixturePath(name), 'utf8'));

/** Hex bytes written as in the HID spec's examples: `05 0b 09 05 a1 01 …`. */
export const hex = (text: string): Uint8Array => parseHexDescriptor(text);
