/** The citizen's audio session: one PCMU stream with RFC 4733 events, as a plain carrier phone offers. */

export interface AudioEndpoint {
  readonly address: string;
  readonly port: number;
  /** sendrecv, sendonly, recvonly or inactive, as the far end declared it. */
  readonly direction: string;
  readonly payloadTypes: readonly number[];
}

export const PCMU = 0;
export const TELEPHONE_EVENT = 101;

export const audioSdp = (options: { address: string; port: number; sessionId: number; version: number; direction?: string }) =>
  [
    'v=0',
    `o=citizen ${options.sessionId} ${options.version} IN IP4 ${options.address}`,
    's=minsheng-training-citizen',
    `c=IN IP4 ${options.address}`,
    't=0 0',
    `m=audio ${options.port} RTP/AVP ${PCMU} ${TELEPHONE_EVENT}`,
    `a=rtpmap:${PCMU} PCMU/8000`,
    `a=rtpmap:${TELEPHONE_EVENT} telephone-event/8000`,
    `a=fmtp:${TELEPHONE_EVENT} 0-16`,
    'a=ptime:20',
    `a=${options.direction ?? 'sendrecv'}`,
    '',
  ].join('\r\n');

/** The far end's audio stream, or a reason why there is none we can use. */
export const parseAudioEndpoint = (sdp: string): AudioEndpoint | string => {
  const lines = sdp.split(/\r?\n/);
  const sessionAddress = lines.find((line) => line.startsWith('c='));
  const mediaIndex = lines.findIndex((line) => line.startsWith('m=audio '));
  if (mediaIndex < 0) return 'no audio stream';
  const media = /^m=audio (\d+) (\S+) ([\d ]+)$/.exec(lines[mediaIndex]!.trim());
  if (!media) return `bad media line: ${lines[mediaIndex]!.slice(0, 60)}`;
  const mediaLines = lines.slice(mediaIndex + 1);
  const nextMedia = mediaLines.findIndex((line) => line.startsWith('m='));
  const own = nextMedia < 0 ? mediaLines : mediaLines.slice(0, nextMedia);
  const connection = own.find((line) => line.startsWith('c=')) ?? sessionAddress;
  const address = /^c=IN IP4 (\d{1,3}(?:\.\d{1,3}){3})/.exec(connection?.trim() ?? '')?.[1];
  if (!address) return 'no IPv4 connection address';
  const port = Number(media[1]);
  if (!Number.isInteger(port) || port > 65_535) return `bad port ${media[1]}`;
  const payloadTypes = media[3]!.trim().split(/\s+/).map(Number);
  if (port !== 0 && !payloadTypes.includes(PCMU)) return 'PCMU not accepted';
  const declared = [...own, ...lines.slice(0, mediaIndex)].find((line) =>
    /^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line.trim()),
  );
  return { address, port, direction: declared?.trim().slice(2) ?? 'sendrecv', payloadTypes };
};

/** What we answer to a direction the far end offers (a hold offers sendonly: we only listen). */
export const answerDirection = (offered: string): string =>
  ({ sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' })[offered] ?? 'sendrecv';
