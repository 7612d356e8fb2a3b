import { describe, expect, it } from 'vitest';
import {
  cseqOf,
  headerValue,
  headerValues,
  parseSipMessage,
  responseTo,
  serializeSipMessage,
  SipParseError,
  type SipRequest,
  tagOf,
  uriOf,
} from '../../../pbx-lab/citizen/sip-message';

const BYE = [
  'BYE sip:citizen@127.0.0.1:40000;transport=udp SIP/2.0',
  'v: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1',
  'Record-Route: <sip:127.0.0.1;r2=on;lr>, <sip:127.0.0.1:8088;transport=ws;r2=on;lr>',
  'f: <sip:1001@127.0.0.1>;tag=agent',
  't: <sip:13962100101@citizen.invalid>;tag=citizen',
  'i: abc@citizen.invalid',
  'CSeq: 2 BYE',
  'Subject: a long',
  '  folded line',
  'l: 5',
  '',
  'helloTRAILING',
].join('\r\n');

describe('SIP messages', () => {
  it('reads compact and folded headers, lists and the body by Content-Length', () => {
    const message = parseSipMessage(BYE);
    expect(message).toMatchObject({ kind: 'request', method: 'BYE', uri: 'sip:citizen@127.0.0.1:40000;transport=udp' });
    expect(headerValue(message, 'Call-ID')).toBe('abc@citizen.invalid');
    expect(headerValue(message, 'subject')).toBe('a long folded line');
    expect(headerValues(message, 'record-route')).toEqual([
      '<sip:127.0.0.1;r2=on;lr>',
      '<sip:127.0.0.1:8088;transport=ws;r2=on;lr>',
    ]);
    expect(tagOf(headerValue(message, 'from'))).toBe('agent');
    expect(cseqOf(message)).toEqual({ number: 2, method: 'BYE' });
    expect(message.body).toBe('hello');
  });

  it('answers with the request’s Via, From, Call-ID and CSeq and its own To tag', () => {
    const request = parseSipMessage(BYE.replace(';tag=citizen', '')) as SipRequest;
    const reply = parseSipMessage(serializeSipMessage(responseTo(request, 200, 'OK', 'mine')));
    expect(reply).toMatchObject({ kind: 'response', status: 200, reason: 'OK' });
    expect(tagOf(headerValue(reply, 'to'))).toBe('mine');
    expect(headerValue(reply, 'via')).toBe('SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1');
    expect(headerValue(reply, 'content-length')).toBe('0');
  });

  it('keeps the tag a request already carries in To', () => {
    const request = parseSipMessage(BYE) as SipRequest;
    expect(tagOf(headerValue(responseTo(request, 200, 'OK', 'other'), 'to'))).toBe('citizen');
  });

  it.each([
    ['no blank line', 'INVITE sip:a@b SIP/2.0\r\nVia: x'],
    ['a bad start line', 'HELLO\r\n\r\n'],
    ['a header without a colon', 'BYE sip:a@b SIP/2.0\r\nnot a header\r\n\r\n'],
    ['a negative length', 'BYE sip:a@b SIP/2.0\r\nContent-Length: -4\r\n\r\n'],
    ['binary garbage', '\u0000\u0001\u0002\r\n\r\n'],
  ])('refuses %s', (_, raw) => {
    expect(() => parseSipMessage(raw)).toThrow(SipParseError);
  });

  it('takes the URI out of a name-addr or a bare URI', () => {
    expect(uriOf('"王" <sip:1@h;transport=ws>;tag=x')).toBe('sip:1@h;transport=ws');
    expect(uriOf('sip:2001@127.0.0.1;tag=1')).toBe('sip:2001@127.0.0.1');
  });
});
