/**
 * The sip.js adapter, in Node: the real engine and real sip.js UserAgents for the citizen and a
 * second desk, talking through an in-memory network with a scripted registrar. What the lab proves
 * with Kamailio and WebRTC end to end, this proves for the engine's own logic without root.
 */
import { type Invitation, Inviter, type Session, SessionState, UserAgent } from 'sip.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallEngine, EngineAccount, EngineEvent } from '../../../../../../renderer/features/phone/engine/call-engine';
import { createSipJsEngine } from '../../../../../../renderer/features/phone/engine/sipjs-engine';
import { FakeSipNetwork, FakeTransport, ScriptedMedia, direction, iceUfrag } from './fake-sip-network';

let network: FakeSipNetwork;
let engine: CallEngine;
let events: EngineEvent[];
const peers: UserAgent[] = [];
let networkCount = 0;

const account = (): EngineAccount => ({
  server: network.url,
  domain: 'lab.test',
  extension: '8001',
  authUser: '8001',
  password: 'secret',
  displayName: '坐席 8001',
});

const waitFor = async <T>(read: () => T | undefined | null | false, what: string, timeoutMs = 3_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events)}; wire: ${JSON.stringify(network.wire)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const eventOf = <K extends EngineEvent['type']>(type: K, since = 0) =>
  waitFor(() => events.slice(since).find((event): event is Extract<EngineEvent, { type: K }> => event.type === type), type);

/** A citizen's phone or another desk: a plain sip.js UserAgent on the same network. */
const peer = async (user: string, onInvite?: (invitation: Invitation) => void): Promise<UserAgent> => {
  const agent = new UserAgent({
    uri: UserAgent.makeURI(`sip:${user}@lab.test`),
    contactName: user,
    viaHost: `${user}.invalid`,
    transportConstructor: FakeTransport,
    transportOptions: { server: network.url, user },
    sessionDescriptionHandlerFactory: () => new ScriptedMedia(),
    logLevel: 'error',
    delegate: onInvite ? { onInvite } : {},
  });
  await agent.start();
  peers.push(agent);
  return agent;
};

const mediaOf = (session: Session): ScriptedMedia => session.sessionDescriptionHandler as unknown as ScriptedMedia;

const registeredEngine = async (): Promise<void> => {
  await engine.connect(account());
  await engine.register();
  await eventOf('registered');
};

/** The citizen calls the desk's extension; the desk answers; both sides are established. */
const answeredCall = async (): Promise<{ caller: Inviter; callId: string }> => {
  await registeredEngine();
  const citizen = await peer('13905140000');
  const caller = new Inviter(citizen, UserAgent.makeURI('sip:8001@lab.test')!);
  await caller.invite();
  const incoming = await eventOf('incoming');
  expect(incoming.call.remoteUser).toBe('13905140000');
  await engine.answer(incoming.call.id, null);
  await waitFor(() => caller.state === SessionState.Established, 'the caller established');
  await eventOf('established');
  return { caller, callId: incoming.call.id };
};

beforeEach(() => {
  network = new FakeSipNetwork(`net${(networkCount += 1)}`);
  engine = createSipJsEngine({
    transportConstructor: FakeTransport,
    sessionDescriptionHandlerFactory: () => new ScriptedMedia(),
  });
  events = [];
  engine.on((event) => events.push(event));
});

afterEach(async () => {
  await engine.dispose({ endCalls: true });
  await Promise.all(peers.splice(0).map((agent) => agent.stop().catch(() => undefined)));
  network.dispose();
});

describe('sip.js engine over an in-memory network', { timeout: 15_000 }, () => {
  it('connects and registers once', async () => {
    await registeredEngine();
    expect(events.map((event) => event.type)).toEqual(['transportConnected', 'registered']);
    expect(network.registers()).toBe(1);
  });

  it('reports a refused refresh with its status and Retry-After, and nothing registers twice', async () => {
    network.expiresS = 2;
    await registeredEngine();
    network.registrarScript.push({ status: 503, retryAfterS: 5 });
    const failed = await eventOf('registrationFailed');
    expect(failed).toEqual({ type: 'registrationFailed', status: 503, retryAfterS: 5 });
    expect(network.registers()).toBe(2);
  });

  it('rings for an inbound call, answers it, and answers the caller’s BYE with 200', async () => {
    const { caller, callId } = await answeredCall();
    let byeAnswered = 0;
    await caller.bye({ requestDelegate: { onAccept: () => (byeAnswered = 200) } });
    await waitFor(() => byeAnswered === 200, 'a 200 to the BYE');
    const ended = await eventOf('ended');
    expect(ended).toEqual({ type: 'ended', callId, reason: 'remote', status: null });
    expect(network.wire).toContain('SIP/2.0 200 OK');
  });

  it('holds and resumes by re-INVITE: the caller is offered sendonly, then sendrecv', async () => {
    const { caller, callId } = await answeredCall();
    expect(direction(mediaOf(caller).remoteDescription)).toBe('sendrecv');
    await engine.setHeld(callId, true);
    expect(direction(mediaOf(caller).remoteDescription)).toBe('sendonly');
    await engine.setHeld(callId, false);
    expect(direction(mediaOf(caller).remoteDescription)).toBe('sendrecv');
    expect(caller.state).toBe(SessionState.Established);
  });

  it('restarts ICE on the same call: new credentials reach the caller, the call stays up', async () => {
    const { caller, callId } = await answeredCall();
    const before = iceUfrag(mediaOf(caller).remoteDescription);
    await engine.restartMedia(callId);
    const after = iceUfrag(mediaOf(caller).remoteDescription);
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(caller.state).toBe(SessionState.Established);
    expect(events.some((event) => event.type === 'ended')).toBe(false);
  });

  it('keeps a held caller on hold through an ICE restart, and the next re-offer restarts nothing', async () => {
    const { caller, callId } = await answeredCall();
    await engine.setHeld(callId, true);
    const held = iceUfrag(mediaOf(caller).remoteDescription);
    await engine.restartMedia(callId);
    expect(direction(mediaOf(caller).remoteDescription)).toBe('sendonly');
    const restarted = iceUfrag(mediaOf(caller).remoteDescription);
    expect(restarted).not.toBe(held);
    await engine.setHeld(callId, false);
    expect(direction(mediaOf(caller).remoteDescription)).toBe('sendrecv');
    expect(iceUfrag(mediaOf(caller).remoteDescription)).toBe(restarted);
  });

  it('blind-transfers: the caller follows the REFER to the other desk, and our leg ends once it answered', async () => {
    let atOtherDesk: Invitation | null = null;
    await peer('8002', (invitation) => {
      atOtherDesk = invitation;
      void invitation.accept();
    });
    const { caller, callId } = await answeredCall();
    caller.delegate = {
      onRefer: (referral) => {
        void referral.accept().then(() => referral.makeInviter().invite());
      },
    };
    await engine.blindTransfer(callId, '8002');
    const result = await eventOf('transferResult');
    expect(result).toEqual({ type: 'transferResult', callId, ok: true, detail: '200' });
    await waitFor(() => (atOtherDesk as Invitation | null)?.state === SessionState.Established, 'the other desk answering');
    const ended = await eventOf('ended');
    expect(ended).toMatchObject({ callId, reason: 'local' });
  });

  it('refuses what cannot be transferred and reports a refused REFER as a failed transfer, the call kept', async () => {
    const { caller, callId } = await answeredCall();
    caller.delegate = { onRefer: (referral) => void referral.reject({ statusCode: 603 }) };
    await expect(engine.blindTransfer(callId, '8003')).rejects.toThrow(/转接被拒绝（603）/);
    expect(caller.state).toBe(SessionState.Established);
    expect(events.some((event) => event.type === 'ended')).toBe(false);
  });

  it('ends every call once on dispose and reports nothing after it', async () => {
    await answeredCall();
    await engine.dispose({ endCalls: true });
    const ended = events.filter((event) => event.type === 'ended');
    expect(ended).toHaveLength(1);
    const count = events.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.length).toBe(count);
  });
});

describe('a lead’s monitoring INVITE (RFC 3911 Join)', { timeout: 15_000 }, () => {
  const leadInvite = async (headers: string[]): Promise<{ lead: Inviter; status: () => number | null }> => {
    const desk = await peer('8003');
    let status: number | null = null;
    const lead = new Inviter(desk, UserAgent.makeURI('sip:8001@lab.test')!, { extraHeaders: headers });
    await lead.invite({
      requestDelegate: {
        onAccept: (response) => (status = response.message.statusCode ?? null),
        onReject: (response) => (status = response.message.statusCode ?? null),
      },
    });
    return { lead, status: () => status };
  };
  const token = 'eyJ2IjoxfQ.c2ln';

  it('is matched to the call it names and offered to the controller, never announced as a call', async () => {
    const { caller, callId } = await answeredCall();
    const since = events.length;
    await leadInvite([`Join: ${caller.request.callId}`, 'Require: join', `X-Minsheng-Monitor-Token: ${token}`]);
    const offered = await eventOf('monitorOffered', since);
    expect(offered.offer).toMatchObject({ joinsCallId: callId, sipCallId: caller.request.callId, token, mode: 'listen' });
    expect(events.slice(since).some((event) => event.type === 'incoming')).toBe(false);
  });

  it('names no call of ours: 481; cannot be read: 400; the agent’s call is untouched', async () => {
    const { caller } = await answeredCall();
    const unknown = await leadInvite(['Join: not-our-call@elsewhere', 'Require: join']);
    await waitFor(() => unknown.status() === 481, 'a 481');
    const garbled = await leadInvite([`Join: ${caller.request.callId};to-tag=`, 'Require: join']);
    await waitFor(() => garbled.status() === 400, 'a 400');
    const badMode = await leadInvite([`Join: ${caller.request.callId}`, 'X-Minsheng-Monitor-Mode: shout']);
    await waitFor(() => badMode.status() === 400, 'a 400 for an unknown mode');
    expect(events.some((event) => event.type === 'monitorOffered')).toBe(false);
    expect(caller.state).toBe(SessionState.Established);
  });

  it('refused by the controller: 403; answered: a mode switch outside the permission is 403, inside it 200', async () => {
    const { caller } = await answeredCall();
    const first = await leadInvite([`Join: ${caller.request.callId}`, `X-Minsheng-Monitor-Token: ${token}`]);
    await engine.reject((await eventOf('monitorOffered')).offer.id, 403);
    await waitFor(() => first.status() === 403, 'a 403');

    const since = events.length;
    const second = await leadInvite([`Join: ${caller.request.callId}`, 'X-Minsheng-Monitor-Mode: listen']);
    const offer = (await eventOf('monitorOffered', since)).offer;
    await engine.acceptMonitor(offer.id, {} as MediaStream, ['listen', 'whisper']);
    await waitFor(() => second.status() === 200, 'a 200');
    const switchTo = (mode: string) =>
      new Promise<number | undefined>((resolve) => {
        void second.lead.info({
          requestOptions: {
            body: { contentDisposition: 'render', contentType: 'application/vnd.minsheng.monitor-mode', content: mode },
          },
          requestDelegate: {
            onAccept: (response) => resolve(response.message.statusCode),
            onReject: (response) => resolve(response.message.statusCode),
          },
        });
      });
    expect(await switchTo('barge')).toBe(403);
    expect(await switchTo('whisper')).toBe(200);
    expect(await eventOf('monitorModeChanged', since)).toEqual({ type: 'monitorModeChanged', callId: offer.id, mode: 'whisper' });
    expect(caller.state).toBe(SessionState.Established);
  });
});
