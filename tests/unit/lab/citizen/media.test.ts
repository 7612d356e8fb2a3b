import { describe, expect, it } from 'vitest';
import { buildRtp, endedDigit, parseRtp } from '../../../pbx-lab/citizen/rtp-packet';
import { answerDirection, audioSdp, parseAudioEndpoint } from '../../../pbx-lab/citizen/sdp';

const RTPENGINE_ANSWER = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 30010 RTP/AVP 0 101',
  'a=rtpmap:0 PCMU/8000',
  'a=sendrecv',
  '',
].join('\r\n');

describe('the citizen’s SDP', () => {
  it('reads where rtpengine wants the audio', () => {
    expect(parseAudioEndpoint(RTPENGINE_ANSWER)).toEqual({
      address: '127.0.0.1',
      port: 30010,
      direction: 'sendrecv',
      payloadTypes: [0, 101],
    });
  });

  it('sees a hold as a sendonly offer and answers recvonly', () => {
    const hold = parseAudioEndpoint(RTPENGINE_ANSWER.replace('a=sendrecv', 'a=sendonly'));
    expect(hold).toMatchObject({ direction: 'sendonly' });
    expect(answerDirection('sendonly')).toBe('recvonly');
    expect(answerDirection('sendrecv')).toBe('sendrecv');
  });

  it('says why an answer is unusable', () => {
    expect(parseAudioEndpoint('v=0\r\n')).toBe('no audio stream');
    expect(parseAudioEndpoint(RTPENGINE_ANSWER.replace('RTP/AVP 0 101', 'RTP/AVP 8'))).toBe('PCMU not accepted');
    expect(parseAudioEndpoint(RTPENGINE_ANSWER.replace('c=IN IP4 127.0.0.1', 'c=IN IP6 ::1'))).toBe('no IPv4 connection address');
  });

  it('offers PCMU and telephone events at its own address', () => {
    const offer = audioSdp({ address: '127.0.0.1', port: 40002, sessionId: 7, version: 1 });
    expect(parseAudioEndpoint(offer)).toEqual({
      address: '127.0.0.1',
      port: 40002,
      direction: 'sendrecv',
      payloadTypes: [0, 101],
    });
  });
});

describe('RTP packets', () => {
  it('round-trip header fields and payload', () => {
    const payload = Uint8Array.from([1, 2, 3]);
    const packet = parseRtp(
      buildRtp({ payloadType: 0, sequence: 65_535, timestamp: 4_000_000_000, ssrc: 42, marker: true, payload }),
    );
    expect(packet).toEqual({ payloadType: 0, sequence: 65_535, timestamp: 4_000_000_000, ssrc: 42, marker: true, payload });
  });

  it('skips CSRCs, a header extension and padding', () => {
    const bytes = Buffer.from([
      0xb1, 0x00, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 9, 9, 9, 9, 0xbe, 0xde, 0, 1, 7, 7, 7, 7, 0xaa, 0xbb, 0, 2,
    ]);
    expect(parseRtp(bytes)?.payload).toEqual(Uint8Array.from([0xaa, 0xbb]));
  });

  it('ignores RTCP and what is not RTP version 2', () => {
    expect(parseRtp(Buffer.from([0x80, 0xc8, 0, 6, ...new Array(24).fill(0)]))).toBeNull();
    expect(parseRtp(Buffer.from('hello world!!'))).toBeNull();
    expect(parseRtp(Buffer.from([0x80, 0]))).toBeNull();
  });

  it('reads a telephone event’s digit from its end packet only', () => {
    expect(endedDigit(Uint8Array.from([11, 0x80 | 10, 0, 160]))).toBe('#');
    expect(endedDigit(Uint8Array.from([5, 10, 0, 160]))).toBeNull();
  });
});
