/**
 * The browser shell's HTTP and WebSocket front under hostile and broken input, the shell in its
 * own process: malformed upgrade targets, wrong or missing tokens, Origins and Host names, and on
 * a signed-in socket oversized, unmasked, non-UTF-8 and unknown-opcode frames. After every single
 * one, the shell must still be up and answer a contract call.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { type ShellProcess, startShellProcess } from '../harness/shell-process';

let shell: ShellProcess;
let profile: string;
let port: number;
let token: string;

test.beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'minsheng-fuzz-'));
  shell = await startShellProcess(profile);
  port = Number(new URL(shell.url).port);
  token = /token=([^&]+)/.exec(shell.url)![1]!;
});
test.afterAll(async () => {
  await shell.stop();
  rmSync(profile, { recursive: true, force: true });
  rmSync(`${profile}.db-key`, { force: true });
});

/** Sends raw bytes as a client, returns the first line the shell answers (or '' when it just closes). */
const raw = (bytes: Buffer | string, afterHandshake?: Buffer): Promise<string> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    let upgraded = false;
    const done = () => {
      socket.destroy();
      resolve(answer.split('\r\n')[0] ?? '');
    };
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (afterHandshake && !upgraded && answer.startsWith('HTTP/1.1 101')) {
        upgraded = true;
        socket.write(afterHandshake);
        setTimeout(done, 300);
      } else if (!afterHandshake) setTimeout(done, 50);
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
    setTimeout(done, 3_000);
  });

const upgrade = (target: string, headers: Record<string, string> = {}) =>
  [
    `GET ${target} HTTP/1.1`,
    `Host: ${headers.Host ?? `127.0.0.1:${port}`}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers)
      .filter(([name]) => name !== 'Host')
      .map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');

const origin = () => `http://127.0.0.1:${port}`;

/** A contract call over a proper socket: the shell is alive and serving. */
const stillServing = async (): Promise<void> => {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/desk-socket?token=${token}`, { headers: { Origin: origin() } });
  const answer = await new Promise<string>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ kind: 'call', id: 1, method: 'app.info', input: undefined })));
    socket.on('message', (data) => resolve(data.toString()));
    socket.on('error', reject);
  });
  socket.close();
  expect(JSON.parse(answer)).toMatchObject({ kind: 'result', id: 1, result: { ok: true } });
};

/** A masked client frame (RFC 6455 §5.2) with any opcode and payload. */
const frame = (opcode: number, payload: Buffer, masked = true): Buffer => {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, (masked ? 0x80 : 0) | length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, (masked ? 0x80 : 0) | 126, length >> 8, length & 0xff])
        : Buffer.concat([
            Buffer.from([0x80 | opcode, (masked ? 0x80 : 0) | 127]),
            Buffer.from(BigInt(length).toString(16).padStart(16, '0'), 'hex'),
          ]);
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  return Buffer.concat([header, mask, Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!))]);
};

test('malformed upgrade targets, bad tokens, Origins and Host names are refused, and the shell keeps serving', async () => {
  const targets = ['//[', '//[::1', 'http://[', '//[/desk-socket', '/%zz', ':', '//', `/${'a'.repeat(60_000)}`, '//x@[::'];
  for (const target of targets) {
    expect(await raw(upgrade(target, { Origin: origin() })), target.slice(0, 20)).toMatch(/^HTTP\/1\.1 4\d\d/);
    await stillServing();
  }
  const refusals: [string, Record<string, string>, RegExp][] = [
    ['/desk-socket', { Origin: origin() }, /401/],
    [`/desk-socket?token=${'x'.repeat(32)}`, { Origin: origin() }, /401/],
    [`/desk-socket?token=${token}`, { Origin: 'https://evil.example' }, /403/],
    [`/desk-socket?token=${token}`, { Origin: origin(), Host: 'evil.example' }, /421/],
    [`/desk-socket?token=${token}`, { Origin: origin(), Host: `attacker.example:${port}` }, /421/],
  ];
  for (const [target, headers, status] of refusals) {
    expect(await raw(upgrade(target, headers))).toMatch(status);
    await stillServing();
  }
  // A page on a rebinding name gets nothing from the static server either.
  expect(await raw(`GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n`)).toMatch(/421/);
  await stillServing();
});

test('broken and oversized frames on a signed-in socket end that socket only', async () => {
  const text = (payload: string | Buffer) => frame(0x1, Buffer.isBuffer(payload) ? payload : Buffer.from(payload));
  const frames: [string, Buffer][] = [
    ['1.2 MB text', text('x'.repeat(1_200_000))],
    ['10 MB text', text(Buffer.alloc(10_000_000, 0x61))],
    ['invalid UTF-8', text(Buffer.from([0xc3, 0x28, 0xff, 0xfe]))],
    ['unmasked frame', frame(0x1, Buffer.from('{"kind":"call"}'), false)],
    ['unknown opcode', frame(0x3, Buffer.from('??'))],
    ['garbage JSON', text('{not json')],
    ['prototype pollution', text('{"__proto__":{"polluted":1},"kind":"call","id":1,"method":"app.info"}')],
  ];
  for (const [name, bytes] of frames) {
    const first = await raw(upgrade(`/desk-socket?token=${token}`, { Origin: origin() }), bytes);
    expect(first, name).toMatch(/^HTTP\/1\.1 101/);
    await stillServing();
  }
  // A length header promising 100 MB, then nothing: refused at once by the limit, never buffered.
  const hundredMb = Buffer.from([0x81, 0xff, 0, 0, 0, 0, 0x06, 0x40, 0, 0, 1, 2, 3, 4]);
  expect(await raw(upgrade(`/desk-socket?token=${token}`, { Origin: origin() }), hundredMb)).toMatch(/^HTTP\/1\.1 101/);
  await stillServing();
});

test('the profile is readable by its owner only: folder 0700, database, WAL and logs 0600', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;
  expect(mode(profile)).toBe(0o700);
  const files = readdirSync(profile, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  expect(files.map((entry) => entry.name)).toEqual(expect.arrayContaining(['minsheng-desk.sqlite', 'desk.log']));
  for (const entry of files) expect(mode(join(entry.parentPath, entry.name)), entry.name).toBe(0o600);
});
