/** RTP packets (RFC 3550 §5.1) and RFC 4733 telephone events, as the citizen sends and reads them. */

export interface RtpPacket {
  readonly payloadType: number;
  readonly sequence: number;
  readonly timestamp: number;
  readonly ssrc: number;
  readonly marker: boolean;
  readonly payload: Uint8Array;
}

export const buildRtp = (packet: RtpPacket): Buffer => {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = (packet.marker ? 0x80 : 0) | (packet.payloadType & 0x7f);
  header.writeUInt16BE(packet.sequence & 0xffff, 2);
  header.writeUInt32BE(packet.timestamp >>> 0, 4);
  header.writeUInt32BE(packet.ssrc >>> 0, 8);
  return Buffer.concat([header, packet.payload]);
};

/** A packet, or null for anything that is not RTP version 2 with a consistent length (RTCP included). */
export const parseRtp = (bytes: Buffer): RtpPacket | null => {
  if (bytes.length < 12 || bytes[0]! >> 6 !== 2) return null;
  const payloadType = bytes[1]! & 0x7f;
  // 72–76 are RTCP sender/receiver reports etc. when RTCP is muxed.
  if (payloadType >= 72 && payloadType <= 76) return null;
  let offset = 12 + (bytes[0]! & 0x0f) * 4;
  if ((bytes[0]! & 0x10) !== 0) {
    if (bytes.length < offset + 4) return null;
    offset += 4 + bytes.readUInt16BE(offset + 2) * 4;
  }
  let end = bytes.length;
  if ((bytes[0]! & 0x20) !== 0) end -= bytes[bytes.length - 1]!;
  if (offset > end) return null;
  return {
    payloadType,
    sequence: bytes.readUInt16BE(2),
    timestamp: bytes.readUInt32BE(4),
    ssrc: bytes.readUInt32BE(8),
    marker: (bytes[1]! & 0x80) !== 0,
    payload: new Uint8Array(bytes.subarray(offset, end)),
  };
};

const EVENT_DIGITS = '0123456789*#ABCD';

/** The digit of an RFC 4733 event payload whose end bit is set, else null (start and middle packets). */
export const endedDigit = (payload: Uint8Array): string | null => {
  if (payload.length < 4 || (payload[1]! & 0x80) === 0) return null;
  return EVENT_DIGITS[payload[0]!] ?? null;
};
