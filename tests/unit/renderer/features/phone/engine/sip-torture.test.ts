// @vitest-environment node
/**
 * The torture corpus through the real transport: the console's sip.js engine connects over a real
 * WebSocket on 127.0.0.1 to a registrar played by this test, registers, then receives every
 * message of the corpus. Each must get the RFC's answer, nothing may throw, and the console must
 * still be registered and still ring at the end.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { CallEngine, EngineEvent } from '../../../../../../renderer/features/phone/engine/call-engine';
import { createSipJsEngine } from '../../../../../../renderer/features/phone/engine/sipjs-engine';
import { tortureCorpus } from './sip-torture-corpus';

const header = (message: string, ...names: string[]): string | null => {
  for (const name of names) {
    const match = new RegExp(`^${name}\\s*:\\s*(.+?)\\s*$`, 'im').exec(message);
    if (match) return match[1]!;
  }
  return null;
};

/** The registrar's 200: our Contact back with an expiry, as Kamailio answers. */
const registerOk = (register: string): string =>
  [
    'SIP/2.0 200 OK',
    `Via: ${header(register, 'Via', 'v')}`,
    `From: ${header(register, 'From', 'f')}`,
    `To: ${header(register, 'To', 't')};tag=registrar`,
    `Call-ID: ${header(register, 'Call-ID', 'i')}`,
    `CSeq: ${header(register, 'CSeq')}`,
    `Contact: ${header(register, 'Contact', 'm')!.replace(/;expires=\d+/, '')};expires=300`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');

let registrarAnswer = registerOk;
let server: WebSocketServer;
let socket: WebSocket | null = null;
const fromConsole: string[] = [];
const events: EngineEvent[] = [];
const uncaught: unknown[] = [];
let engine: CallEngine;
const onUncaught = (error: unknown) => uncaught.push(error);
let port = 0;
const account = () => ({
  server: `ws://127.0.0.1:${port}`,
  domain: '127.0.0.1',
  extension: '1001',
  authUser: '1001',
  password: 'pw1001',
  displayName: '坐席1001',
});

const waitForEvent = async <T>(find: () => T | undefined, ms: number): Promise<T | undefined> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'sip' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (client) => {
    socket = client;
    client.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('REGISTER ')) client.send(registrarAnswer(text));
      else fromConsole.push(text);
    });
  });
  engine = createSipJsEngine();
  engine.on((event) => events.push(event));
  port = (server.address() as AddressInfo).port;
  await engine.connect(account());
  await engine.register();
  expect(await waitForEvent(() => events.find((event) => event.type === 'registered'), 3_000)).toBeDefined();
});

afterAll(async () => {
  await engine.dispose({ endCalls: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  process.off('uncaughtException', onUncaught);
});

/** The console's final answer to the message with this Call-ID, 'ring', or 'none'. */
const answerTo = async (message: string | Buffer): Promise<number | 'ring' | 'none'> => {
  const callId = typeof message === 'string' ? header(message, 'Call-ID', 'i') : null;
  const before = events.length;
  socket!.send(message);
  const answer = await waitForEvent(() => {
    const rang = events.slice(before).find((event) => event.type === 'incoming');
    if (rang && rang.type === 'incoming') return 'ring' as const;
    const reply = fromConsole.find(
      (text) => /^SIP\/2\.0 [2-6]\d\d/.test(text) && (callId === null || header(text, 'Call-ID', 'i') === callId),
    );
    return reply ? Number(reply.slice(8, 11)) : undefined;
  }, 400);
  const rang = events.slice(before).find((event) => event.type === 'incoming');
  if (rang?.type === 'incoming') await engine.reject(rang.call.id, 486);
  fromConsole.length = 0;
  return answer ?? 'none';
};

describe('the SIP guard in front of sip.js, through a real WebSocket', () => {
  it('answers every torture message as the RFC says, throws nothing, and stays registered and reachable', async () => {
    const outcomes: { name: string; source: string; expected: unknown; got: unknown }[] = [];
    for (const testCase of tortureCorpus()) {
      const got = await answerTo(testCase.message);
      outcomes.push({ name: testCase.name, source: testCase.source, expected: testCase.expect, got });
    }
    expect(outcomes.filter((outcome) => outcome.got !== outcome.expected)).toEqual([]);
    expect(uncaught).toEqual([]);
    expect(events.filter((event) => event.type === 'registrationFailed' || event.type === 'transportLost')).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(45);
  });

  it('an answer whose media cannot be set up ends the call as failed, with a Chinese reason, and the caller gets a final answer', async () => {
    // Node has no WebRTC: sip.js's media setup fails exactly as on an SDP the browser rejects.
    const invite = tortureCorpus().find((testCase) => testCase.name === 'an INVITE with SDP rings')!.message as string;
    const before = events.length;
    socket!.send(invite);
    const rang = await waitForEvent(() => events.slice(before).find((event) => event.type === 'incoming'), 1_000);
    expect(rang?.type).toBe('incoming');
    const callId = rang?.type === 'incoming' ? rang.call.id : '';
    await expect(engine.answer(callId, null)).rejects.toThrow(/无法接通：来电的媒体协商失败/);
    const ended = await waitForEvent(() => events.slice(before).find((event) => event.type === 'ended'), 1_000);
    expect(ended).toMatchObject({ type: 'ended', callId, reason: 'failed' });
    const final = await waitForEvent(() => fromConsole.find((text) => /^SIP\/2\.0 [4-6]\d\d/.test(text)), 1_000);
    expect(final).toBeDefined();
    fromConsole.length = 0;
  });

  /** A fresh engine registering with a registrar that answers as `answer` says; the events it reported. */
  const registerAgainst = async (answer: (register: string) => string, waitFor: EngineEvent['type']) => {
    registrarAnswer = answer;
    const fresh = createSipJsEngine();
    const seen: EngineEvent[] = [];
    fresh.on((event) => seen.push(event));
    try {
      await fresh.connect(account());
      await fresh.register();
      return { seen, event: await waitForEvent(() => seen.find((event) => event.type === waitFor), 2_000) };
    } finally {
      await fresh.dispose({ endCalls: true });
      registrarAnswer = registerOk;
    }
  };

  it('an unparsable answer to our own REGISTER counts as a failed registration at once, not after 32 s', async () => {
    const { event } = await registerAgainst(
      (register) => registerOk(register).replace('SIP/2.0 200 OK', 'SIP/2.0 4294967301 better not break the receiver'),
      'registrationFailed',
    );
    expect(event).toEqual({ type: 'registrationFailed', status: null, retryAfterS: null });
  });

  it('a 200 to our REGISTER without our Contact in it is a failed registration too', async () => {
    const { event, seen } = await registerAgainst(
      (register) => registerOk(register).replace(/^Contact: .*$/m, 'Contact: <sip:someone-else@elsewhere.invalid>;expires=300'),
      'registrationFailed',
    );
    expect(event).toEqual({ type: 'registrationFailed', status: null, retryAfterS: null });
    expect(seen.some((other) => other.type === 'registered')).toBe(false);
  });

  it('a 423 with Min-Expires is followed: the next REGISTER asks for what the registrar wants, and registers', async () => {
    const registers: string[] = [];
    const { event } = await registerAgainst((register) => {
      registers.push(register);
      if (registers.length > 1) return registerOk(register);
      return registerOk(register)
        .replace('SIP/2.0 200 OK', 'SIP/2.0 423 Interval Too Brief')
        .replace(/^Contact: .*\r\n/m, 'Min-Expires: 600\r\n');
    }, 'registered');
    expect(event).toBeDefined();
    expect(registers[1]).toMatch(/^Contact: .*;expires=600/m);
  });
});
