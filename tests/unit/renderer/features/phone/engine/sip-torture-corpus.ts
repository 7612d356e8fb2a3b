/**
 * Torture messages for the console as a SIP user agent, written for this project after the cases
 * of RFC 4475 (SIP Torture Test Messages, §3.1.1 valid, §3.1.2 invalid, §3.3 semantics) and
 * RFC 5118 (IPv6 torture tests), addressed to extension 1001 so that the answer is about the
 * message, not about who it is for. `expect` is the final status the console must send back, or
 * 'ring' (an INVITE that rings), or 'none' (nothing may answer: ACKs, responses, unreadable bytes).
 */
export interface TortureCase {
  readonly name: string;
  readonly source: string;
  readonly expect: number | 'ring' | 'none';
  readonly message: string | Buffer;
}

const HOST = '127.0.0.1';
let counter = 0;

/** A request built from lines; `{id}` becomes a unique Call-ID and branch so each case stands alone. */
const request = (lines: readonly string[], body = ''): string => {
  counter += 1;
  const id = `torture-${counter}`;
  const head = lines.map((line) => line.replaceAll('{id}', id)).join('\r\n');
  return `${head}\r\n\r\n${body}`;
};

const sdp = ['v=0', `o=- 1 1 IN IP4 ${HOST}`, 's=-', `c=IN IP4 ${HOST}`, 't=0 0', 'm=audio 4000 RTP/AVP 0', ''].join('\r\n');
const sdpHeaders = (body: string) => ['Content-Type: application/sdp', `Content-Length: ${Buffer.byteLength(body)}`];

const WSINV_BODY = [
  'v=0',
  'o=mhandley 29739 7272939 IN IP4 192.0.2.3',
  's=-',
  'c=IN IP4 192.0.2.4',
  't=0 0',
  'm=audio 49217 RTP/AVP 0 12',
  'm=video 3227 RTP/AVP 31',
  'a=rtpmap:31 LPC',
  '',
].join('\r\n');

const common = (method: string, cseq = 1) => [
  `Via: SIP/2.0/WS ${HOST}:8088;branch=z9hG4bK{id}`,
  'Max-Forwards: 70',
  `From: "Citizen" <sip:2001@${HOST}>;tag=f{id}`,
  `To: <sip:1001@${HOST}>`,
  'Call-ID: {id}',
  `CSeq: ${cseq} ${method}`,
];

const options = (uri = `sip:1001@${HOST}`, extra: readonly string[] = []) =>
  request([`OPTIONS ${uri} SIP/2.0`, ...common('OPTIONS'), ...extra, 'Content-Length: 0']);

const invite = (extra: readonly string[] = [], body = sdp, headers = sdpHeaders(body)) =>
  request(
    [`INVITE sip:1001@${HOST} SIP/2.0`, ...common('INVITE'), `Contact: <sip:2001@${HOST}:5062>`, ...extra, ...headers],
    body,
  );

export const tortureCorpus = (): TortureCase[] => [
  // ── valid, or tolerated: sip.js's own answer ──────────────────────────────
  { name: 'plain OPTIONS', source: 'RFC 3261 §11', expect: 200, message: options() },
  {
    name: 'tortuous INVITE: folding, compact forms, LWS around ; and =, escaped quotes (in a dialog we do not have)',
    source: 'RFC 4475 §3.1.1.1 wsinv',
    expect: 481,
    message: request(
      [
        `INVITE sip:1001@${HOST};unknownparam SIP/2.0`,
        `TO :\r\n sip:1001@${HOST} ;   tag    = 1918181833n`,
        `from   : "J Rosenberg \\\\\\""       <sip:jdrosen@${HOST}>\r\n  ;\r\n  tag = 98asjd8`,
        'MaX-fOrWaRdS: 0068',
        'Call-ID: {id}',
        `Content-Length   : ${Buffer.byteLength(WSINV_BODY)}`,
        'cseq: 0009\r\n  INVITE',
        `Via  : SIP  /   2.0\r\n /UDP\r\n    ${HOST};branch=z9hG4bK{id}`,
        's :',
        'NewFangledHeader:   newfangled value\r\n continued newfangled value',
        'UnknownHeaderWithUnusualValue: ;;,,;;,;',
        'Content-Type: application/sdp',
        `v:  SIP  / 2.0  / TCP     ${HOST}   ;\r\n  branch  =   z9hG4bKbranch2`,
        `m:"Quoted string \\"\\"" <sip:jdrosen@${HOST}> ; newparam =\r\n      newvalue ;\r\n  secondparam ; q = 0.33`,
      ],
      WSINV_BODY,
    ),
  },
  {
    name: 'unusual method with the characters a token allows',
    source: 'RFC 4475 §3.1.1.2 intmeth',
    expect: 405,
    message: request([
      `!interesting-Method0123456789_*+\`.%~' sip:1001@${HOST} SIP/2.0`,
      ...common("!interesting-Method0123456789_*+`.%~'"),
      'Content-Length: 0',
    ]),
  },
  {
    name: 'escaped characters in the Request-URI user (someone else)',
    source: 'RFC 4475 §3.1.1.3 esc01',
    expect: 404,
    message: options('sip:sips%3Auser%40example.com@example.net'),
  },
  {
    name: 'display name without a space before <',
    source: 'RFC 4475 §3.1.1.6 lwsdisp',
    expect: 200,
    message: request([
      `OPTIONS sip:1001@${HOST} SIP/2.0`,
      ...common('OPTIONS').map((line) => (line.startsWith('From') ? `From: caller<sip:caller@${HOST}>;tag=323` : line)),
      'Content-Length: 0',
    ]),
  },
  {
    name: 'semicolon in the user part (someone else)',
    source: 'RFC 4475 §3.1.1.8 semiuri',
    expect: 404,
    message: options('sip:user;par=u%40example.net@example.com'),
  },
  {
    name: 'Via with unusual transports',
    source: 'RFC 4475 §3.1.1.9 transports',
    expect: 200,
    message: request([
      `OPTIONS sip:1001@${HOST} SIP/2.0`,
      ...common('OPTIONS'),
      'Via: SIP/2.0/SCTP t1.example.com;branch=z9hG4bKkdjuw',
      'Via: SIP/2.0/TLS t2.example.com;branch=z9hG4bKklasjdhf',
      'Via: SIP/2.0/UNKNOWN t3.example.com;branch=z9hG4bKasdfjk',
      'Content-Length: 0',
    ]),
  },
  {
    name: 'Max-Forwards of zero at the UA',
    source: 'RFC 4475 §3.3.11 zeromf',
    expect: 200,
    message: options(undefined, []).replace('Max-Forwards: 70', 'Max-Forwards: 0'),
  },
  {
    name: 'IPv6 reference in brackets',
    source: 'RFC 5118 §4.1 ipv6-good',
    expect: 200,
    message: options('sip:1001@[2001:db8::10]'),
  },
  {
    name: 'IPv6 reference with a port outside the brackets',
    source: 'RFC 5118 §4.4 port-unambiguous',
    expect: 200,
    message: options('sip:1001@[2001:db8::10]:5070'),
  },
  {
    name: 'IPv6 reference ending in a group that looks like a port',
    source: 'RFC 5118 §4.3 port-ambiguous',
    expect: 200,
    message: options('sip:1001@[2001:db8::10:5070]'),
  },
  {
    name: 'IPv6 with an IPv4 tail, two colons',
    source: 'RFC 5118 §4.12 ipv6-correct-abnf-2-colons',
    expect: 200,
    message: options('sip:1001@[2001:db8::192.0.2.1]'),
  },
  {
    name: 'compact header names on an INVITE that rings',
    source: 'RFC 3261 §7.3.3',
    expect: 'ring',
    message: request(
      [
        `INVITE sip:1001@${HOST} SIP/2.0`,
        `v: SIP/2.0/WS ${HOST}:8088;branch=z9hG4bK{id}`,
        'Max-Forwards: 70',
        `f: "市民" <sip:13812345678@${HOST}>;tag=f{id}`,
        `t: <sip:1001@${HOST}>`,
        'i: {id}',
        'CSeq: 1 INVITE',
        `m: <sip:13812345678@${HOST}:5062>`,
        'c: application/sdp',
        `l: ${Buffer.byteLength(sdp)}`,
      ],
      sdp,
    ),
  },
  { name: 'an INVITE with SDP rings', source: 'RFC 3261 §13', expect: 'ring', message: invite() },

  // ── invalid: the console answers with the RFC's status ────────────────────
  {
    name: 'extraneous header field separators',
    source: 'RFC 4475 §3.1.2.1 badinv01',
    expect: 400,
    message: invite([`Via: SIP/2.0/UDP 192.0.2.15;;,;,,`]),
  },
  {
    name: 'Content-Length larger than the body',
    source: 'RFC 4475 §3.1.2.2 clerr',
    expect: 400,
    message: invite([], sdp, ['Content-Type: application/sdp', 'Content-Length: 9999']),
  },
  {
    name: 'negative Content-Length',
    source: 'RFC 4475 §3.1.2.3 ncl',
    expect: 400,
    message: invite([], sdp, ['Content-Type: application/sdp', 'Content-Length: -999']),
  },
  {
    name: 'overlarge CSeq and Max-Forwards',
    source: 'RFC 4475 §3.1.2.4 scalar02',
    expect: 400,
    message: request([
      `REGISTER sip:1001@${HOST} SIP/2.0`,
      ...common('REGISTER').map((line) =>
        line.startsWith('CSeq')
          ? 'CSeq: 36893488147419103232 REGISTER'
          : line.startsWith('Max-Forwards')
            ? 'Max-Forwards: 300'
            : line,
      ),
      'Expires: 10000000000',
      'Content-Length: 0',
    ]),
  },
  {
    name: 'unterminated quoted string in the display name',
    source: 'RFC 4475 §3.1.2.6 quotbal',
    expect: 400,
    message: invite().replace(`From: "Citizen" <sip:2001@${HOST}>`, `From: "Mr. J. User <sip:j.user@${HOST}>`),
  },
  {
    name: '<> around the Request-URI',
    source: 'RFC 4475 §3.1.2.7 ltgtruri',
    expect: 400,
    message: invite().replace(`INVITE sip:1001@${HOST} SIP/2.0`, `INVITE <sip:1001@${HOST}> SIP/2.0`),
  },
  {
    name: 'whitespace inside the Request-URI',
    source: 'RFC 4475 §3.1.2.8 lwsruri',
    expect: 400,
    message: invite().replace(`INVITE sip:1001@${HOST} SIP/2.0`, `INVITE sip:1001@${HOST}; lr SIP/2.0`),
  },
  {
    name: 'several spaces between request-line elements',
    source: 'RFC 4475 §3.1.2.9 lwsstart',
    expect: 400,
    message: invite().replace(`INVITE sip:1001@${HOST} SIP/2.0`, `INVITE  sip:1001@${HOST}  SIP/2.0`),
  },
  {
    name: 'spaces at the end of the request line',
    source: 'RFC 4475 §3.1.2.10 trws',
    expect: 400,
    message: options().replace(' SIP/2.0\r\n', ' SIP/2.0  \r\n'),
  },
  {
    name: 'escaped headers in the Request-URI',
    source: 'RFC 4475 §3.1.2.11 escruri',
    expect: 400,
    message: options(`sip:1001@${HOST}?Route=%3Csip:example.com%3E`),
  },
  { name: 'leading whitespace before the start line', source: 'RFC 3261 §7.5', expect: 400, message: `  ${options()}` },
  {
    name: 'Contact URI with headers not in <>',
    source: 'RFC 4475 §3.1.2.13 regbadct',
    expect: 400,
    message: request([
      `REGISTER sip:1001@${HOST} SIP/2.0`,
      ...common('REGISTER'),
      'Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E',
      'Content-Length: 0',
    ]),
  },
  {
    name: 'spaces within the addr-spec',
    source: 'RFC 4475 §3.1.2.14 badaspec',
    expect: 400,
    message: options().replace(`To: <sip:1001@${HOST}>`, `To: "Watson, Thomas" < sip:1001@${HOST} >`),
  },
  {
    name: 'non-token characters in an unquoted display name',
    source: 'RFC 4475 §3.1.2.15 baddn',
    expect: 400,
    message: options().replace(`From: "Citizen" <sip:2001@${HOST}>`, `From: Bell, Alexander <sip:a.g.bell@${HOST}>`),
  },
  {
    name: 'unknown protocol version',
    source: 'RFC 4475 §3.1.2.16 badvers',
    expect: 505,
    message: options().replace(' SIP/2.0\r\n', ' SIP/7.0\r\n'),
  },
  {
    name: 'start line and CSeq method differ',
    source: 'RFC 4475 §3.1.2.17 mismatch01',
    expect: 400,
    message: options().replace('CSeq: 1 OPTIONS', 'CSeq: 8 INVITE'),
  },
  {
    name: 'unknown method with a CSeq method that differs',
    source: 'RFC 4475 §3.1.2.18 mismatch02',
    expect: 400,
    message: options().replace('OPTIONS sip:', 'NEWMETHOD sip:').replace('CSeq: 1 OPTIONS', 'CSeq: 8 INVITE'),
  },
  {
    name: 'missing Call-ID, From and To',
    source: 'RFC 4475 §3.3.1 insuf',
    expect: 400,
    message: request(
      [
        `INVITE sip:1001@${HOST} SIP/2.0`,
        `Via: SIP/2.0/WS ${HOST}:8088;branch=z9hG4bK{id}`,
        'Max-Forwards: 70',
        'CSeq: 1 INVITE',
        ...sdpHeaders(sdp),
      ],
      sdp,
    ),
  },
  {
    name: 'Request-URI of an unknown scheme',
    source: 'RFC 4475 §3.3.2 unksm',
    expect: 416,
    message: options('nobodyKnowsThisScheme:totallyopaquecontent'),
  },
  {
    name: 'Request-URI of a known but atypical scheme',
    source: 'RFC 4475 §3.3.3 novelsc',
    expect: 416,
    message: options('soap.beep://192.0.2.103:3002'),
  },
  { name: 'tel: Request-URI', source: 'RFC 3966 / RFC 3261 §8.2.2.1', expect: 416, message: options('tel:+8613812345678') },
  {
    name: 'Require of an extension we do not have',
    source: 'RFC 4475 §3.3.5 bext01',
    expect: 420,
    message: options(undefined, ['Require: nothingSupportedHere']),
  },
  {
    name: 'INVITE with a body that is not SDP',
    source: 'RFC 4475 §3.3.6 invut',
    expect: 415,
    message: invite([], '<body>binary</body>', ['Content-Type: application/unknownformat', 'Content-Length: 19']),
  },
  {
    name: 'several values where one is allowed',
    source: 'RFC 4475 §3.3.8 multi01',
    expect: 400,
    message: invite([`Call-ID: second-{id}`, `To: <sip:1001@${HOST}>`]),
  },
  {
    name: 'two Content-Length values',
    source: 'RFC 4475 §3.3.9 mcl01',
    expect: 400,
    message: options(undefined, ['Content-Length: 3']),
  },
  {
    name: 'Accept of a type we cannot send',
    source: 'RFC 4475 §3.3.15 sdp01',
    expect: 406,
    message: invite(['Accept: text/nobodyKnowsThis']),
  },
  {
    name: 'IPv6 address without brackets',
    source: 'RFC 5118 §4.2 ipv6-bad',
    expect: 400,
    message: request([`REGISTER sip:2001:db8::10 SIP/2.0`, ...common('REGISTER'), 'Content-Length: 0']),
  },
  {
    name: 'IPv6 with three colons before an IPv4 tail',
    source: 'RFC 5118 §4.11 ipv6-bug-abnf-3-colons',
    expect: 400,
    message: options('sip:1001@[2001:db8:::192.0.2.1]'),
  },

  // ── nothing may answer ────────────────────────────────────────────────────
  {
    name: 'response with an overlarge status code (to our REGISTER it would be a failure, here to nothing)',
    source: 'RFC 4475 §3.1.2.19 bigcode',
    expect: 'none',
    message: `SIP/2.0 4294967301 better not break the receiver\r\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bKbig\r\nCall-ID: bigcode\r\nCSeq: 1 OPTIONS\r\nFrom: <sip:1001@${HOST}>;tag=a\r\nTo: <sip:2001@${HOST}>;tag=b\r\nContent-Length: 0\r\n\r\n`,
  },
  {
    name: 'response with overlarge scalar values',
    source: 'RFC 4475 §3.1.2.5 scalarlg',
    expect: 'none',
    message: `SIP/2.0 503 Service Unavailable\r\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bKlarge\r\nCall-ID: scalarlg\r\nCSeq: 193942 OPTIONS\r\nFrom: <sip:1001@${HOST}>;tag=a\r\nTo: <sip:2001@${HOST}>;tag=b\r\nRetry-After: 949302838503028349304023988\r\nWarning: 1812 overture "In Progress"\r\nContent-Length: 0\r\n\r\n`,
  },
  {
    name: 'malformed ACK',
    source: 'RFC 3261 §17.2.1',
    expect: 'none',
    message: options().replace('OPTIONS sip:', 'ACK sip:').replace('CSeq: 1 OPTIONS', 'CSeq: 1 INVITE'),
  },
  { name: 'bytes that are not SIP', source: 'robustness', expect: 'none', message: Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37]) },
  { name: 'text that is not SIP', source: 'robustness', expect: 'none', message: 'garbage \u0000\u0001' },
  { name: 'a status line alone', source: 'robustness', expect: 'none', message: 'SIP/2.0 999' },
];
