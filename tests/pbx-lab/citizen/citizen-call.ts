/**
 * A simulated citizen calling the centre: a plain SIP phone on UDP that places one call through the
 * lab's Kamailio as a carrier trunk would (From outside the centre's domain, so no credentials),
 * speaks its turns as PCMU when the call-taker pauses (turn-taking.ts), and hangs up at the end.
 * It takes hold, DTMF, re-offers and a blind transfer (REFER) as a carrier phone does.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { type Socket, createSocket } from 'node:dgram';
import { decodeMuLaw, MU_LAW_SILENCE } from './g711';
import { FRAME_SAMPLES, levelDbfs } from './pcm';
import { buildRtp, endedDigit, parseRtp } from './rtp-packet';
import { answerDirection, audioSdp, type AudioEndpoint, parseAudioEndpoint, PCMU, TELEPHONE_EVENT } from './sdp';
import {
  cseqOf,
  headerValue,
  headerValues,
  parseSipMessage,
  responseTo,
  type SipMessage,
  type SipRequest,
  serializeSipMessage,
  SipParseError,
  tagOf,
  uriOf,
} from './sip-message';
import { createTurnTaking, DEFAULT_TURN_TAKING, type TurnAction, type TurnTakingOptions } from './turn-taking';

export type CitizenEvent =
  | { type: 'invited' }
  | { type: 'ringing' }
  | { type: 'answered' }
  | { type: 'turnStarted'; turn: number }
  | { type: 'turnEnded'; turn: number }
  | { type: 'nudged' }
  | { type: 'held' }
  | { type: 'resumed' }
  | { type: 'dtmf'; digit: string }
  | { type: 'transferred'; target: string }
  | { type: 'malformed'; reason: string }
  | { type: 'ended'; by: 'citizen' | 'agent' | 'refused' | 'transfer'; status: number | null };

export type TimedCitizenEvent = CitizenEvent & { readonly atMs: number };

export interface CitizenCallOptions {
  /** The PBX's SIP address, host:port. */
  readonly pbx: { readonly host: string; readonly port: number };
  readonly target: string;
  readonly caller: { readonly number: string; readonly name?: string };
  /** Extra INVITE headers, e.g. the training scenario's id. */
  readonly headers?: readonly (readonly [string, string])[];
  /** PCMU frames of each turn, and of the "are you there?" nudge. */
  readonly turns: readonly Uint8Array[][];
  readonly nudge: Uint8Array[];
  readonly turnTaking?: TurnTakingOptions;
  /** Give up ringing after this long (CANCEL). */
  readonly ringTimeoutMs?: number;
  /** Every frame's level as heard, for a test that needs to see what the citizen hears. */
  readonly onHeard?: (level: number, atMs: number) => void;
}

export interface CitizenCall {
  readonly callId: string;
  /** Wall-clock time (Date.now()) the INVITE went out: comparable with a page's clock on this machine. */
  readonly invitedAtEpochMs: number;
  readonly events: readonly TimedCitizenEvent[];
  waitFor<T extends CitizenEvent['type']>(
    type: T,
    timeoutMs?: number,
    predicate?: (event: Extract<TimedCitizenEvent, { type: T }>) => boolean,
  ): Promise<Extract<TimedCitizenEvent, { type: T }>>;
  /** Milliseconds since the INVITE went out. */
  now(): number;
  hangUp(): Promise<void>;
  readonly ended: Promise<Extract<CitizenEvent, { type: 'ended' }>>;
}

const token = () => randomBytes(6).toString('hex');
const FRAME_MS = 20;

export const placeCitizenCall = async (options: CitizenCallOptions): Promise<CitizenCall> => {
  const sip = await bound(createSocket('udp4'));
  const rtp = await bound(createSocket('udp4'));
  const host = sip.address().address;
  const sipPort = sip.address().port;
  const rtpPort = rtp.address().port;
  const started = performance.now();
  const now = () => Math.round(performance.now() - started);
  const callId = `${token()}@citizen.invalid`;
  const fromTag = token();
  const inviteBranch = `z9hG4bK${token()}`;
  const sessionId = randomInt(1, 2 ** 31);
  let sdpVersion = 1;
  let cseq = 1;
  let toHeader = `<sip:${options.target}@${options.pbx.host}>`;
  let routeSet: string[] = [];
  let remoteTarget = `sip:${options.target}@${options.pbx.host}`;
  let remoteAudio: AudioEndpoint | null = null;
  let sendDirection = 'sendrecv';
  let state: 'calling' | 'confirmed' | 'ended' = 'calling';

  const events: TimedCitizenEvent[] = [];
  const waiters = new Set<() => void>();
  const emit = (event: CitizenEvent) => {
    events.push({ ...event, atMs: now() } as TimedCitizenEvent);
    waiters.forEach((wake) => wake());
  };
  let resolveEnded: (event: Extract<CitizenEvent, { type: 'ended' }>) => void = () => undefined;
  const ended = new Promise<Extract<CitizenEvent, { type: 'ended' }>>((resolve) => (resolveEnded = resolve));

  const sendSip = (message: SipMessage, to = options.pbx) =>
    new Promise<void>((resolve) => sip.send(serializeSipMessage(message), to.port, to.host, () => resolve()));

  const from = `${options.caller.name ? `"${options.caller.name}" ` : ''}<sip:${options.caller.number}@citizen.invalid>;tag=${fromTag}`;
  const contact = `<sip:citizen@${host}:${sipPort};transport=udp>`;
  const via = (branch: string) => `SIP/2.0/UDP ${host}:${sipPort};branch=${branch};rport`;
  const offer = () => audioSdp({ address: host, port: rtpPort, sessionId, version: sdpVersion++ });

  const invite: SipRequest = {
    kind: 'request',
    method: 'INVITE',
    uri: `sip:${options.target}@${options.pbx.host}`,
    headers: [
      ['via', via(inviteBranch)],
      ['max-forwards', '70'],
      ['from', from],
      ['to', toHeader],
      ['call-id', callId],
      ['cseq', '1 INVITE'],
      ['contact', contact],
      ['allow', 'INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REFER, NOTIFY'],
      ...(options.headers ?? []),
      ['content-type', 'application/sdp'],
    ],
    body: offer(),
  };

  /** The ACK of a refused INVITE and a CANCEL belong to the INVITE's own transaction (same branch, CSeq 1). */
  const inInviteTransaction = (method: 'ACK' | 'CANCEL', to: string): SipRequest => ({
    kind: 'request',
    method,
    uri: invite.uri,
    headers: [
      ['via', via(inviteBranch)],
      ['max-forwards', '70'],
      ['from', from],
      ['to', to],
      ['call-id', callId],
      ['cseq', `1 ${method}`],
    ],
    body: '',
  });

  const inDialog = (method: string, extra: [string, string][] = [], body = ''): SipRequest => ({
    kind: 'request',
    method,
    uri: remoteTarget,
    headers: [
      ['via', via(`z9hG4bK${token()}`)],
      ['max-forwards', '70'],
      ...routeSet.map((route): [string, string] => ['route', route]),
      ['from', from],
      ['to', toHeader],
      ['call-id', callId],
      ['cseq', `${method === 'ACK' ? 1 : ++cseq} ${method}`],
      ['contact', contact],
      ...extra,
    ],
    body,
  });

  // ---- audio: a frame every 20 ms for the whole call, the clip being spoken or silence ----
  const ssrc = randomInt(1, 2 ** 31);
  let sequence = randomInt(0, 0xffff);
  let timestamp = randomInt(0, 2 ** 31);
  let clip: { frames: Uint8Array[]; next: number; turn: number | 'nudge' } | null = null;
  const silence = new Uint8Array(FRAME_SAMPLES).fill(MU_LAW_SILENCE);
  const turnTaking = createTurnTaking(options.turns.length, options.turnTaking ?? DEFAULT_TURN_TAKING);
  let held = false;
  let pacer: NodeJS.Timeout | null = null;
  let framesSent = 0;
  let mediaStartedAt = 0;

  const act = (action: TurnAction | null) => {
    if (!action) return;
    if (action.type === 'hangUp') void hangUp();
    else if (action.type === 'nudge') {
      clip = { frames: options.nudge, next: 0, turn: 'nudge' };
      emit({ type: 'nudged' });
    } else {
      clip = { frames: options.turns[action.turn] ?? [], next: 0, turn: action.turn };
      emit({ type: 'turnStarted', turn: action.turn });
    }
  };

  const sendFrame = () => {
    let payload: Uint8Array = silence;
    if (clip && !held) {
      payload = clip.frames[clip.next++] ?? silence;
      if (clip.next >= clip.frames.length) {
        if (clip.turn !== 'nudge') emit({ type: 'turnEnded', turn: clip.turn });
        clip = null;
        act(turnTaking.finishedSpeaking(now()));
      }
    }
    if (remoteAudio && remoteAudio.port !== 0 && sendDirection !== 'recvonly' && sendDirection !== 'inactive') {
      rtp.send(
        buildRtp({ payloadType: PCMU, sequence: sequence++, timestamp, ssrc, marker: false, payload }),
        remoteAudio.port,
        remoteAudio.address,
      );
    }
    timestamp += FRAME_SAMPLES;
  };

  const startMedia = () => {
    if (pacer) return;
    mediaStartedAt = performance.now();
    // Paced by the clock, not by the timer's count: a late timer sends the frames it owes.
    pacer = setInterval(() => {
      const owed = Math.floor((performance.now() - mediaStartedAt) / FRAME_MS) - framesSent;
      for (let frame = 0; frame < Math.min(owed, 10); frame += 1) sendFrame();
      framesSent += Math.max(owed, 0);
      if (!held) act(turnTaking.tick(now()));
    }, 10);
  };

  rtp.on('message', (bytes) => {
    const packet = parseRtp(bytes);
    if (!packet || state !== 'confirmed' || held) return;
    if (packet.payloadType === TELEPHONE_EVENT) {
      const digit = endedDigit(packet.payload);
      // An event's end packet is sent three times (RFC 4733 §2.5.1.4): count the first.
      const last = events.at(-1);
      if (digit && !(last?.type === 'dtmf' && last.digit === digit && now() - last.atMs < 100)) emit({ type: 'dtmf', digit });
      return;
    }
    if (packet.payloadType !== PCMU) return;
    const samples = Array.from(packet.payload, decodeMuLaw);
    options.onHeard?.(levelDbfs(samples), now());
    act(turnTaking.heard(levelDbfs(samples), (samples.length / 8_000) * 1_000, now()));
  });

  // ---- signalling ----
  const finish = (by: Extract<CitizenEvent, { type: 'ended' }>['by'], status: number | null) => {
    if (state === 'ended') return;
    state = 'ended';
    if (pacer) clearInterval(pacer);
    clearTimeout(ringTimer);
    const event = { type: 'ended', by, status } as const;
    emit(event);
    resolveEnded(event);
    // Late retransmissions still get an answer for a moment, then the sockets go.
    setTimeout(() => {
      sip.close();
      rtp.close();
    }, 500);
  };

  const applyOffer = (sdp: string): string | null => {
    const endpoint = parseAudioEndpoint(sdp);
    if (typeof endpoint === 'string') return endpoint;
    const wasHeld = held;
    remoteAudio = endpoint;
    held = endpoint.direction === 'sendonly' || endpoint.direction === 'inactive' || endpoint.port === 0;
    sendDirection = answerDirection(endpoint.direction);
    if (held && !wasHeld) emit({ type: 'held' });
    if (!held && wasHeld) {
      emit({ type: 'resumed' });
      turnTaking.resumed(now());
    }
    return null;
  };

  const onRequest = async (request: SipRequest, source: { address: string; port: number }) => {
    const reply = (status: number, reason: string, extra: [string, string][] = [], body = '') =>
      sendSip(responseTo(request, status, reason, fromTag, extra, body), { host: source.address, port: source.port });
    if (headerValue(request, 'call-id') !== callId) return reply(481, 'Call/Transaction Does Not Exist');
    switch (request.method) {
      case 'ACK':
        return;
      case 'BYE':
        await reply(200, 'OK');
        return finish('agent', null);
      case 'INVITE': {
        const problem = applyOffer(request.body);
        if (problem) return reply(488, 'Not Acceptable Here', [['warning', `399 citizen "${problem}"`]]);
        const body = audioSdp({ address: host, port: rtpPort, sessionId, version: sdpVersion++, direction: sendDirection });
        return reply(
          200,
          'OK',
          [
            ['contact', contact],
            ['content-type', 'application/sdp'],
          ],
          body,
        );
      }
      case 'INFO': {
        const digit = /Signal\s*=\s*([0-9*#A-D])/i.exec(request.body)?.[1];
        if (digit) emit({ type: 'dtmf', digit: digit.toUpperCase() });
        return reply(200, 'OK');
      }
      case 'OPTIONS':
        return reply(200, 'OK');
      case 'REFER': {
        const target = /^sips?:([^@;>]+)@/.exec(uriOf(headerValue(request, 'refer-to') ?? ''))?.[1];
        if (!target) return reply(400, 'Bad Refer-To');
        await reply(202, 'Accepted');
        emit({ type: 'transferred', target });
        await sendSip(
          inDialog(
            'NOTIFY',
            [
              ['event', 'refer'],
              ['subscription-state', 'terminated;reason=noresource'],
              ['content-type', 'message/sipfrag;version=2.0'],
            ],
            'SIP/2.0 200 OK\r\n',
          ),
        );
        await sendSip(inDialog('BYE'));
        return finish('transfer', null);
      }
      default:
        return reply(501, 'Not Implemented');
    }
  };

  const onResponse = async (response: Extract<SipMessage, { kind: 'response' }>) => {
    const sequenceOf = cseqOf(response);
    if (headerValue(response, 'call-id') !== callId || !sequenceOf) return;
    if (sequenceOf.method !== 'INVITE' || sequenceOf.number !== 1) {
      if (sequenceOf.method === 'BYE' && state === 'confirmed') finish('citizen', null);
      return;
    }
    if (response.status < 200) {
      if ((response.status === 180 || response.status === 183) && !events.some((event) => event.type === 'ringing'))
        emit({ type: 'ringing' });
      return;
    }
    if (response.status >= 300) {
      await sendSip(inInviteTransaction('ACK', headerValue(response, 'to') ?? toHeader));
      return finish('refused', response.status);
    }
    if (state === 'calling') {
      const answer = parseAudioEndpoint(response.body);
      toHeader = headerValue(response, 'to') ?? toHeader;
      routeSet = headerValues(response, 'record-route').reverse();
      remoteTarget = uriOf(headerValue(response, 'contact') ?? remoteTarget);
      state = 'confirmed';
      await sendSip(inDialog('ACK'));
      if (typeof answer === 'string') {
        emit({ type: 'malformed', reason: `answer SDP: ${answer}` });
        await sendSip(inDialog('BYE'));
        return finish('citizen', null);
      }
      remoteAudio = answer;
      clearTimeout(ringTimer);
      emit({ type: 'answered' });
      turnTaking.answered(now());
      startMedia();
    } else if (state === 'confirmed' && tagOf(headerValue(response, 'to')) === tagOf(toHeader)) {
      // Our ACK was lost: the 200 comes again and is acknowledged again.
      await sendSip(inDialog('ACK'));
    }
  };

  sip.on('message', (bytes, source) => {
    let message: SipMessage;
    try {
      message = parseSipMessage(bytes.toString());
    } catch (error) {
      emit({ type: 'malformed', reason: error instanceof SipParseError ? error.message : String(error) });
      return;
    }
    void (message.kind === 'request' ? onRequest(message, source) : onResponse(message));
  });

  const hangUp = async (): Promise<void> => {
    if (state === 'ended') return;
    if (state === 'calling') {
      await sendSip(inInviteTransaction('CANCEL', toHeader));
      return void (await Promise.race([ended, sleep(2_000)]).then(() => finish('citizen', null)));
    }
    await sendSip(inDialog('BYE'));
    await Promise.race([ended, sleep(2_000)]);
    finish('citizen', null);
  };

  const ringTimer = setTimeout(() => void hangUp(), options.ringTimeoutMs ?? 60_000);
  const invitedAtEpochMs = Date.now();
  await sendSip(invite);
  emit({ type: 'invited' });

  return {
    callId,
    invitedAtEpochMs,
    events,
    now,
    ended,
    hangUp,
    waitFor: (type, timeoutMs = 15_000, predicate = () => true) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((event) => event.type === type && predicate(event as never));
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found as never);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`citizen: no ${type} within ${timeoutMs} ms; saw ${events.map((event) => event.type).join(', ')}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const bound = (socket: Socket): Promise<Socket> =>
  new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
