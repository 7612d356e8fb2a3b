/**
 * The CallEngine over sip.js 0.21 (UserAgent, Registerer, Inviter, Invitation). Thin on purpose:
 * retry, failover, call and agent rules live in the pure machines the controller runs; this file
 * only translates. One UserAgent per connection attempt: a transport that dropped is disposed with
 * its Registerer and a new pair is made, so a stale Registerer can never refresh alongside a new one.
 * The exception is a drop with calls up: the same UserAgent reconnects to the same server so its
 * dialogs survive, and only the Registerer is replaced.
 */
import {
  Invitation,
  Inviter,
  type Referral,
  type Registerer,
  RegistererState,
  type Session,
  SessionState,
  UserAgent,
  type UserAgentOptions,
} from 'sip.js';
import type { Info } from 'sip.js';
import { SIPExtension } from 'sip.js/lib/api/user-agent-options';
import {
  type MediaStreamFactory,
  type SessionDescriptionHandler,
  defaultMediaStreamFactory,
  defaultSessionDescriptionHandlerFactory,
} from 'sip.js/lib/platform/web';
import type { MonitorMode } from '../../../../preload/contract/monitor-contract';
import { clipIdentityHeader, clipText } from '../domain/identity-limits';
import { mediaSampleFromStats } from '../domain/media-sample';
import { guardIncoming } from '../domain/sip-guard';
import {
  JOIN_HEADER,
  MONITOR_MODE_CONTENT_TYPE,
  MONITOR_MODE_HEADER,
  MONITOR_TOKEN_HEADER,
  joinMatches,
  monitorInviteHeaders,
  parseJoin,
  parseMonitorMode,
} from '../domain/sip-join';
import type { CallEngine, EngineAccount, EngineCall, EngineEndReason, EngineEvent } from './call-engine';
import { BracketedUri, ObservedRegisterer, randomToken, settle, sipDebug, sipFragStatus, userOf } from './sipjs-parts';

type EndReason = EngineEndReason;

interface Leg {
  readonly id: string;
  readonly session: Session;
  readonly call: EngineCall;
  ended: boolean;
  /** The first reason known wins: our own hangup is known before sip.js reports Terminated. */
  endReason: EndReason | null;
  endStatus: number | null;
  /** accept() is under way: a termination now is our media failing, not the caller giving up. */
  answering: boolean;
  /** Held by us: every re-offer, an ICE restart too, must keep the caller on hold. */
  held: boolean;
  /**
   * Settles once the far end's ACK arrived for a call we answered. sip.js calls the session
   * established when it sends its 200; a re-INVITE sent before the ACK leaves the offer pending
   * when the ACK comes, and sip.js then ends the call with a BYE.
   */
  readonly confirmed: Promise<void>;
  confirm(): void;
  /** A lead's monitoring leg we answered: the modes its permission allows a switch to. */
  monitorModes: readonly MonitorMode[] | null;
}

const markEnd = (entry: Leg, reason: EndReason, status: number | null): void => {
  entry.endReason ??= reason;
  entry.endStatus ??= status;
};

const REGISTER_EXPIRES_S = 300;
/** Require option tags we implement (sip.js answers 420 for 100rel itself when it is not enabled). */
const SUPPORTED_OPTIONS = ['replaces', 'join'];
/** A registrar's Min-Expires is followed up to an hour: beyond that a lost binding would go unnoticed too long. */
const MAX_EXPIRES_S = 3_600;

/**
 * What sip.js runs on. The console uses sip.js's own WebSocket transport and WebRTC media; the
 * engine's unit tests pass an in-memory transport and a scripted media handler, so the same
 * engine code runs in Node without a PBX.
 */
export interface SipPlatform {
  readonly transportConstructor?: UserAgentOptions['transportConstructor'];
  readonly sessionDescriptionHandlerFactory?: UserAgentOptions['sessionDescriptionHandlerFactory'];
  /**
   * What an INVITE from the PBX is: a citizen's call, or on a training profile (培训模式) a training
   * call, which also names its scenario in X-Minsheng-Scenario. A production console never reads
   * that header: no INVITE can turn a citizen's call into an exercise.
   */
  readonly inboundPurpose?: 'citizen' | 'training';
}

const SCENARIO_HEADER = 'X-Minsheng-Scenario';

/** What the engine may add to sip.js's media options: a stream made by the console, or a muted start. */
interface ConsoleMediaOptions {
  readonly localStream?: MediaStream;
  readonly startMuted?: boolean;
}

/**
 * sip.js's getUserMedia, except for a monitoring leg: the agent's console sends the lead its own
 * mix (not a microphone), and the lead's microphone starts disabled when only listening.
 */
const consoleMediaStreams: MediaStreamFactory = async (constraints, handler, options) => {
  const extra = (options ?? {}) as ConsoleMediaOptions;
  if (extra.localStream) return extra.localStream;
  const stream = await defaultMediaStreamFactory()(constraints, handler);
  if (extra.startMuted) stream.getAudioTracks().forEach((track) => (track.enabled = false));
  return stream;
};

export const createSipJsEngine = (platform: SipPlatform = {}): CallEngine => {
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent) => listeners.forEach((listener) => listener(event));
  let ua: UserAgent | null = null;
  let registerer: Registerer | null = null;
  let account: EngineAccount | null = null;
  const legs = new Map<string, Leg>();
  let lastMessageAt = 0;
  // Raised by a registrar's 423 Min-Expires, kept across reconnects so the next REGISTER is not refused again.
  let expiresS = REGISTER_EXPIRES_S;
  // One Contact for the engine's whole life: each reconnect makes a new UserAgent, and a new random
  // Contact each time would leave a stale binding per reconnect in the PBX's location table until it
  // expires (Kamailio forks to at most 12, so a flaky night would end with calls not reaching us).
  const contactName = randomToken(8);
  const viaHost = `${randomToken(12)}.invalid`;
  const legIdBySession = new Map<string, string>();

  const liveCalls = () => [...legs.values()].filter((entry) => !entry.ended).length;

  const sdh = (leg: Leg): SessionDescriptionHandler | null =>
    (leg.session.sessionDescriptionHandler as SessionDescriptionHandler | undefined) ?? null;

  const leg = (callId: string): Leg => {
    const found = legs.get(callId);
    if (!found || found.ended) throw new Error('通话已结束');
    return found;
  };

  const track = (session: Session, call: Omit<EngineCall, 'id'>, id: string = crypto.randomUUID()): Leg => {
    let confirm = () => {};
    const confirmed = new Promise<void>((resolve) => (confirm = resolve));
    if (!(session instanceof Invitation)) confirm();
    const entry: Leg = {
      id,
      session,
      call: { ...call, id },
      ended: false,
      endReason: null,
      endStatus: null,
      answering: false,
      held: false,
      confirmed,
      confirm,
      monitorModes: null,
    };
    legs.set(id, entry);
    legIdBySession.set(session.id, id);
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) emit({ type: 'established', callId: id });
      if (state === SessionState.Terminated && !entry.ended) {
        entry.ended = true;
        const reason = entry.endReason ?? (entry.answering ? 'failed' : 'remote');
        emit({ type: 'ended', callId: id, reason, status: entry.endStatus });
        legs.delete(id);
        legIdBySession.delete(session.id);
      }
    });
    session.delegate = {
      // With a delegate set, sip.js leaves the answer to us: without it the far end retransmits for 32 s.
      onBye: (bye) => {
        markEnd(entry, 'remote', null);
        void bye.accept().catch(() => undefined);
      },
      onRefer: (referral) => void followReferral(entry, referral),
      onInfo: (info) => void answerInfo(entry, info),
      onAck: () => entry.confirm(),
    };
    return entry;
  };

  /** A call we place: the far end is the number or extension dialled. */
  const trackDialled = (inviter: Inviter, purpose: 'outbound' | 'monitor', target: string): Leg =>
    track(inviter, {
      purpose,
      direction: 'outbound',
      sipCallId: inviter.request.callId,
      from: null,
      pAssertedIdentity: null,
      privacy: null,
      remoteUser: target,
      replacesCallId: null,
      trainingScenarioId: null,
      receivedAt: performance.now(),
    });

  /** We are the transferee (a console can be the one transferred, e.g. from a supervisor): follow it. */
  const followReferral = async (from: Leg, referral: Referral): Promise<void> => {
    await referral.accept();
    if (!ua) return;
    const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
    const next = track(inviter, {
      purpose: 'outbound',
      direction: 'outbound',
      sipCallId: inviter.request.callId,
      from: null,
      pAssertedIdentity: null,
      privacy: null,
      remoteUser: clipText(userOf(referral.referTo.uri), 64) ?? '',
      replacesCallId: from.call.id,
      trainingScenarioId: from.call.trainingScenarioId,
      receivedAt: performance.now(),
    });
    emit({ type: 'outgoing', call: next.call });
    // The old leg goes only once the new one is up: a failed transfer leaves the call as it was.
    await inviter.invite({
      requestDelegate: {
        onAccept: () => {
          markEnd(from, 'replaced', null);
          if (from.session.state === SessionState.Established) void from.session.bye().catch(() => undefined);
        },
      },
    });
  };

  const onInvite = (invitation: Invitation) => {
    const request = invitation.request;
    if (request.hasHeader(JOIN_HEADER)) return onJoin(invitation);
    const replacee = invitation.replacee ? legIdBySession.get(invitation.replacee.id) : undefined;
    const training = platform.inboundPurpose === 'training';
    const entry = track(invitation, {
      purpose: training ? 'training' : 'citizen',
      direction: 'inbound',
      sipCallId: clipText(request.callId, 200) ?? '',
      from: clipIdentityHeader(request.getHeader('From')),
      pAssertedIdentity: clipIdentityHeader(request.getHeader('P-Asserted-Identity')),
      privacy: clipText(request.getHeader('Privacy'), 200),
      remoteUser: clipText(userOf(invitation.remoteIdentity.uri), 64) ?? '',
      replacesCallId: replacee ?? null,
      // Main checks it against the scenarios it knows; here it is only kept short.
      trainingScenarioId: training ? clipText(request.getHeader(SCENARIO_HEADER)?.trim(), 64) : null,
      // sip.js parses and dispatches synchronously: this is the INVITE's arrival.
      receivedAt: lastMessageAt,
    });
    if (replacee) markEnd(legs.get(replacee) ?? entry, 'replaced', null);
    emit({ type: 'incoming', call: entry.call });
  };

  /**
   * A lead's INVITE joining one of our calls: matched to the dialog first (481 when it names none,
   * 400 when it cannot be read); the token is the controller's to check before anything is answered.
   */
  const onJoin = (invitation: Invitation): void => {
    const request = invitation.request;
    const target = parseJoin(request.getHeader(JOIN_HEADER));
    const mode = request.hasHeader(MONITOR_MODE_HEADER) ? parseMonitorMode(request.getHeader(MONITOR_MODE_HEADER)) : 'listen';
    if (!target || !mode) {
      emit({ type: 'protocolError', detail: 'join unreadable' });
      void invitation.reject({ statusCode: 400 }).catch(() => undefined);
      return;
    }
    const joined = [...legs.values()].find(
      (candidate) =>
        !candidate.ended &&
        candidate.call.purpose !== 'monitor' &&
        candidate.session.state === SessionState.Established &&
        candidate.session.dialog !== undefined &&
        joinMatches(target, candidate.session.dialog),
    );
    if (!joined) {
      void invitation.reject({ statusCode: 481 }).catch(() => undefined);
      return;
    }
    const entry = track(invitation, {
      purpose: 'monitor',
      direction: 'inbound',
      sipCallId: clipText(request.callId, 200) ?? '',
      from: null,
      pAssertedIdentity: null,
      privacy: null,
      remoteUser: clipText(userOf(invitation.remoteIdentity.uri), 64) ?? '',
      replacesCallId: null,
      trainingScenarioId: null,
      receivedAt: lastMessageAt,
    });
    emit({
      type: 'monitorOffered',
      offer: {
        id: entry.id,
        joinsCallId: joined.id,
        sipCallId: target.callId,
        token: clipText(request.getHeader(MONITOR_TOKEN_HEADER)?.trim(), 2000) ?? '',
        mode,
      },
    });
  };

  /** INFO in a call: DTMF relay and the like are taken; a mode switch on a monitoring leg only if allowed. */
  const answerInfo = async (entry: Leg, info: Info): Promise<void> => {
    const type = info.request.getHeader('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== MONITOR_MODE_CONTENT_TYPE) return info.accept().catch(() => undefined);
    const mode = parseMonitorMode(info.request.body);
    if (!entry.monitorModes || !mode) return info.reject({ statusCode: 400 }).catch(() => undefined);
    if (!entry.monitorModes.includes(mode)) return info.reject({ statusCode: 403 }).catch(() => undefined);
    await info.accept().catch(() => undefined);
    emit({ type: 'monitorModeChanged', callId: entry.id, mode });
  };

  // The Call-ID sip.js gives this console's REGISTERs: an answer to one of them that cannot even be
  // parsed means the registrar is not keeping our binding, and must not be waited out for 32 s.
  let registerCallId: string | null = null;

  /** Every frame passes the guard before sip.js sees it; nothing sip.js throws escapes to the socket. */
  const guardTransport = (agent: UserAgent): void => {
    const transport = agent.transport;
    const deliver = transport.onMessage;
    const send = transport.send.bind(transport);
    transport.send = (message: string) => {
      if (message.startsWith('REGISTER ')) registerCallId = /^(?:Call-ID|i)\s*:\s*(.+?)\s*$/im.exec(message)?.[1] ?? null;
      return send(message);
    };
    transport.onMessage = (message: string) => {
      lastMessageAt = performance.now();
      const verdict = guardIncoming(message, { supported: SUPPORTED_OPTIONS, toTag: randomToken(10) });
      if (verdict.kind === 'reply') {
        emit({ type: 'protocolError', detail: `answered ${verdict.status}` });
        void send(verdict.text).catch(() => undefined);
        return;
      }
      if (verdict.kind === 'drop') {
        emit({ type: 'protocolError', detail: 'dropped' });
        if (verdict.method === 'REGISTER' && verdict.callId !== null && verdict.callId === registerCallId && registerer)
          emit({ type: 'registrationFailed', status: null, retryAfterS: null });
        return;
      }
      const response = verdict.response;
      if (response?.status === 423 && response.minExpires !== null)
        expiresS = Math.min(MAX_EXPIRES_S, Math.max(expiresS, response.minExpires));
      try {
        deliver?.(message);
      } catch {
        emit({ type: 'protocolError', detail: 'sip.js threw' });
      }
    };
  };

  const userAgentOptions = (acc: EngineAccount): UserAgentOptions => ({
    uri: UserAgent.makeURI(`sip:${acc.extension}@${acc.domain}`),
    displayName: acc.displayName || acc.extension,
    contactName,
    viaHost,
    authorizationUsername: acc.authUser,
    authorizationPassword: acc.password,
    transportOptions: { server: acc.server, connectionTimeout: 4, keepAliveInterval: 15 },
    sipExtensionReplaces: SIPExtension.Supported,
    noAnswerTimeout: 120,
    // `window.__sipDebug = true` before start gives sip.js's full trace in devtools (field diagnosis).
    logBuiltinEnabled: sipDebug(),
    logLevel: sipDebug() ? 'debug' : 'warn',
    // sip.js drops what it cannot parse; we count and report it, never the content (it carries numbers).
    logConnector: (level, category, _label, content) => {
      if (level === 'warn' && /parse|malformed|invalid/i.test(content)) emit({ type: 'protocolError', detail: category });
    },
    sessionDescriptionHandlerFactoryOptions: {
      iceGatheringTimeout: 500,
      peerConnectionConfiguration: { iceServers: [] },
    },
    ...(platform.transportConstructor ? { transportConstructor: platform.transportConstructor } : {}),
    sessionDescriptionHandlerFactory:
      platform.sessionDescriptionHandlerFactory ?? defaultSessionDescriptionHandlerFactory(consoleMediaStreams),
    delegate: {
      onInvite,
      onDisconnect: (error) => {
        if (error) emit({ type: 'transportLost', error: error.message });
      },
    },
  });

  const mediaOptions = (microphoneId: string | null, extra: ConsoleMediaOptions = {}) => ({
    ...extra,
    constraints: {
      audio: {
        ...(microphoneId ? { deviceId: { exact: microphoneId } } : {}),
        echoCancellation: true,
        noiseSuppression: true,
        autoGainControl: true,
      },
      video: false,
    },
  });

  const engine: CallEngine = {
    connect: async (acc) => {
      // Calls outlive a dropped WebSocket: the same user agent reconnects to the same server, so its
      // dialogs stay and the controller can re-offer their media. Any other case starts afresh.
      const survivor = ua;
      if (survivor && liveCalls() > 0 && account?.server === acc.server) {
        try {
          await survivor.reconnect();
        } catch (error) {
          emit({ type: 'transportFailed', error: error instanceof Error ? error.message : String(error) });
          return;
        }
        emit({ type: 'transportConnected' });
        return;
      }
      await engine.dispose({ endCalls: true });
      account = acc;
      const agent = new UserAgent(userAgentOptions(acc));
      guardTransport(agent);
      ua = agent;
      try {
        await agent.start();
      } catch (error) {
        if (ua === agent) emit({ type: 'transportFailed', error: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (ua === agent) emit({ type: 'transportConnected' });
    },

    register: async () => {
      if (!ua || !account) return;
      void settle(registerer?.dispose());
      const current = new ObservedRegisterer(ua, { expires: expiresS, refreshFrequency: 80 });
      registerer = current;
      current.stateChange.addListener((state) => {
        if (registerer !== current) return;
        if (state === RegistererState.Registered) {
          current.lastFailure = null;
          emit({ type: 'registered' });
        }
        // Every way sip.js stops being registered lands here, its own refreshes included (they
        // carry no delegate of ours); the rejection that caused it, if any, is read once sip.js has
        // finished handling the response.
        if (state === RegistererState.Unregistered)
          queueMicrotask(() => {
            if (registerer !== current) return;
            const failure = current.lastFailure;
            current.lastFailure = null;
            emit({ type: 'registrationFailed', status: failure?.status ?? null, retryAfterS: failure?.retryAfterS ?? null });
          });
      });
      await current.register().catch((error: unknown) => emit({ type: 'transportLost', error: String(error) }));
    },

    dispose: async (options = { endCalls: false }) => {
      const stale = registerer;
      registerer = null;
      // Unregistering is a courtesy: a REGISTER still waiting for its answer (up to 32 s) must not hold the reconnect.
      await settle(stale?.dispose(), 1_000);
      if (liveCalls() > 0 && !options.endCalls) return;
      const agent = ua;
      ua = null;
      for (const entry of legs.values()) markEnd(entry, 'failed', null);
      await agent?.stop().catch(() => undefined);
    },

    answer: async (callId, microphoneId) => {
      const entry = leg(callId);
      if (!(entry.session instanceof Invitation)) throw new Error('不是来电');
      entry.answering = true;
      try {
        await entry.session.accept({ sessionDescriptionHandlerOptions: mediaOptions(microphoneId) });
      } catch (error) {
        // Whatever sip.js did with the INVITE, the caller gets a final answer and the record says failed.
        markEnd(entry, 'failed', 488);
        const { session } = entry;
        if (
          session instanceof Invitation &&
          (session.state === SessionState.Initial || session.state === SessionState.Establishing)
        )
          await session.reject({ statusCode: 488 }).catch(() => undefined);
        throw new Error('无法接通：来电的媒体协商失败（对方的 SDP 不被支持），来电已结束', { cause: error });
      } finally {
        entry.answering = false;
      }
    },

    acceptMonitor: async (callId, outgoing, allowedModes) => {
      const entry = leg(callId);
      if (!(entry.session instanceof Invitation) || entry.call.purpose !== 'monitor') throw new Error('不是监听请求');
      entry.monitorModes = [...allowedModes];
      entry.answering = true;
      try {
        await entry.session.accept({
          sessionDescriptionHandlerOptions: mediaOptions(null, { localStream: outgoing }) as object,
        });
      } finally {
        entry.answering = false;
      }
    },

    dialMonitor: async (target, request) => {
      if (!ua || !account) throw new Error('未注册，不能监听');
      const uri = UserAgent.makeURI(`sip:${target}@${account.domain}`);
      if (!uri) throw new Error('坐席分机无效');
      const inviter = new Inviter(ua, uri, {
        extraHeaders: monitorInviteHeaders(request),
        // In listen mode the lead's leg carries nothing toward the call: the microphone starts disabled.
        sessionDescriptionHandlerOptions: mediaOptions(request.microphoneId, {
          startMuted: request.mode === 'listen',
        }) as object,
      });
      const entry = trackDialled(inviter, 'monitor', target);
      await inviter.invite({
        requestDelegate: { onReject: (response) => markEnd(entry, 'rejected', response.message.statusCode ?? null) },
      });
      return entry.id;
    },

    setMonitorMode: async (callId, mode) => {
      const entry = leg(callId);
      await new Promise<void>((resolve, reject) => {
        void entry.session
          .info({
            requestOptions: {
              body: { contentDisposition: 'render', contentType: MONITOR_MODE_CONTENT_TYPE, content: mode },
            },
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (response) =>
                reject(new Error(response.message.statusCode === 403 ? '平台许可不含此模式' : '坐席未能切换模式')),
            },
          })
          .catch(reject);
      });
      sdh(entry)?.enableSenderTracks(mode !== 'listen');
    },

    reject: async (callId, status) => {
      const entry = leg(callId);
      if (!(entry.session instanceof Invitation)) throw new Error('不是来电');
      markEnd(entry, 'rejected', status);
      await entry.session.reject({ statusCode: status });
    },

    hangup: async (callId) => {
      const entry = leg(callId);
      markEnd(entry, 'local', null);
      const { session } = entry;
      if (session.state === SessionState.Established)
        await session.bye().catch(async (error: unknown) => {
          // Still ours to end: dispose sends what it can and terminates the session either way.
          await session.dispose();
          throw error;
        });
      else if (session instanceof Inviter) await session.cancel();
      else if (session instanceof Invitation) await session.reject({ statusCode: 486 });
    },

    setHeld: async (callId, held) => {
      await reoffer(leg(callId), { hold: held }, held ? '保持失败' : '恢复失败');
    },

    setMuted: (callId, muted) => {
      const entry = leg(callId);
      sdh(entry)?.enableSenderTracks(!muted);
    },

    sendDtmf: async (callId, digit, mode) => {
      if (!/^[0-9*#A-D]$/.test(digit)) throw new Error('无效的按键');
      const entry = leg(callId);
      if (mode === 'rfc4733') {
        const sender = sdh(entry)
          ?.peerConnection?.getSenders()
          .find((candidate) => candidate.dtmf !== null);
        if (!sender?.dtmf?.canInsertDTMF) throw new Error('媒体通道不支持按键音');
        // insertDTMF replaces what is still queued: append, so quick presses are all sent, in order.
        sender.dtmf.insertDTMF(sender.dtmf.toneBuffer + digit, 160, 70);
        return;
      }
      await entry.session.info({
        requestOptions: {
          body: {
            contentDisposition: 'render',
            contentType: 'application/dtmf-relay',
            content: `Signal=${digit}\r\nDuration=160`,
          },
        },
      });
    },

    dial: async (target, microphoneId) => {
      if (!ua || !account) throw new Error('未注册，不能外呼');
      const uri = UserAgent.makeURI(`sip:${target}@${account.domain}`);
      if (!uri) throw new Error('号码无效');
      const inviter = new Inviter(ua, uri, { sessionDescriptionHandlerOptions: mediaOptions(microphoneId) });
      const entry = trackDialled(inviter, 'outbound', target);
      emit({ type: 'outgoing', call: entry.call });
      await inviter.invite({
        requestDelegate: {
          onProgress: () => emit({ type: 'progress', callId: entry.id }),
          onReject: (response) => markEnd(entry, 'rejected', response.message.statusCode ?? null),
        },
      });
      return entry.id;
    },

    blindTransfer: async (callId, target) => {
      if (!account) throw new Error('未注册');
      const uri = UserAgent.makeURI(`sip:${target}@${account.domain}`);
      if (!uri) throw new Error('转接号码无效');
      await referAndFollow(leg(callId), uri);
    },

    attendedTransfer: async (callId, consultCallId) => {
      const consult = leg(consultCallId);
      const dialog = consult.session.dialog;
      if (!dialog || !account) throw new Error('咨询通话尚未建立');
      // Refer-To is the consulted party's address of record, not its Contact: a WebRTC Contact
      // (…invalid;transport=ws) is only reachable through the PBX's location service. The tags are
      // given from the consulted party's side, as RFC 3891 matches them there.
      const target = new BracketedUri('sip', consult.call.remoteUser, account.domain);
      target.setHeader('Replaces', encodeURIComponent(`${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`));
      await referAndFollow(leg(callId), target);
    },

    restartMedia: async (callId) => {
      const entry = leg(callId);
      await reoffer(entry, { hold: entry.held, offerOptions: { iceRestart: true } }, '媒体恢复被拒绝');
    },

    replaceMicrophone: async (callId, newTrack) => {
      const peer = sdh(leg(callId))?.peerConnection;
      const sender = peer?.getSenders().find((candidate) => candidate.track?.kind === 'audio' || candidate.track === null);
      await sender?.replaceTrack(newTrack);
    },

    remoteStream: (callId) => {
      const entry = legs.get(callId);
      return entry ? (sdh(entry)?.remoteMediaStream ?? null) : null;
    },

    sentTrack: (callId) => {
      const entry = legs.get(callId);
      const senders = entry ? (sdh(entry)?.peerConnection?.getSenders() ?? []) : [];
      return senders.map((sender) => sender.track).find((candidate) => candidate?.kind === 'audio') ?? null;
    },

    sample: async (callId) => {
      const entry = legs.get(callId);
      const peer = entry ? sdh(entry)?.peerConnection : undefined;
      if (!peer) return null;
      const report = await peer.getStats();
      return mediaSampleFromStats(report.values() as Iterable<Record<string, unknown>>, Date.now());
    },

    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  /**
   * A re-INVITE with these media options, once the call is confirmed (ACK received, at most 2 s).
   * sip.js keeps the options for later re-offers, so they go back to the hold state afterwards:
   * an ICE restart must not be repeated by the next hold.
   */
  const reoffer = async (entry: Leg, options: { hold: boolean; offerOptions?: object }, refused: string): Promise<void> => {
    await settle(entry.confirmed, 2_000);
    const { session } = entry;
    try {
      await new Promise<void>((resolve, reject) => {
        void session
          .invite({
            sessionDescriptionHandlerOptions: options as typeof session.sessionDescriptionHandlerOptionsReInvite,
            requestDelegate: { onAccept: () => resolve(), onReject: () => reject(new Error(refused)) },
          })
          .catch(reject);
      });
      entry.held = options.hold;
    } finally {
      session.sessionDescriptionHandlerOptionsReInvite = {
        hold: entry.held,
      } as typeof session.sessionDescriptionHandlerOptionsReInvite;
    }
  };

  /** REFER, then end our leg once the far end reports the transfer succeeded (NOTIFY sipfrag 2xx). */
  const referAndFollow = async (entry: Leg, target: Parameters<Session['refer']>[0]): Promise<void> => {
    await new Promise<void>((resolve, reject) => {
      void entry.session
        .refer(target, {
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new Error(`转接被拒绝（${response.message.statusCode ?? '?'}）`)),
          },
          onNotify: (notification) => {
            void notification.accept();
            const status = sipFragStatus(notification.request.body);
            if (status === null || status < 200) return;
            const ok = status < 300;
            emit({ type: 'transferResult', callId: entry.id, ok, detail: String(status) });
            if (ok && entry.session.state === SessionState.Established) {
              markEnd(entry, 'local', null);
              void entry.session.bye().catch(() => undefined);
            }
          },
        })
        .catch(reject);
    });
  };

  return engine;
};
