import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../main/log/logger';
import type { DeskServices } from '../../main/services';
import { type ShellServer, startShellServer } from '../../main/shell/shell-server';
import { useTempDirs } from '../harness/temp-dir';
import { startTestServices } from '../harness/test-services';

const tempDir = useTempDirs();
const running: { shell: ShellServer; services: DeskServices }[] = [];

afterEach(async () => {
  for (const { shell, services } of running.splice(0)) {
    await shell.close();
    await services.close();
  }
});

const startShell = async () => {
  const profile = tempDir();
  const rendererDir = join(profile, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>民声坐席</title>');
  const services = await startTestServices(profile);
  const shell = await startShellServer({ services, rendererDir, log: createLogger({}), connectOrigins: async () => [] });
  running.push({ shell, services });
  return shell;
};

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
const upgradeStatus = (url: string, headers: Record<string, string> = {}): Promise<number> =>
  new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', () => resolve(-1));
  });

const openSocket = (shell: ShellServer): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`${shell.origin.replace('http', 'ws')}/desk-socket?token=${shell.token}`, {
      headers: { origin: shell.origin },
    });
    socket.on('open', () => resolve(socket));
    socket.on('error', reject);
  });

const nextFrame = (socket: WebSocket, predicate: (frame: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> =>
  new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      if (predicate(frame)) {
        socket.off('message', onMessage);
        resolve(frame);
      }
    };
    socket.on('message', onMessage);
  });

const call = async (socket: WebSocket, id: number, method: string, input?: unknown) => {
  const reply = nextFrame(socket, (frame) => frame.kind === 'result' && frame.id === id);
  socket.send(JSON.stringify({ kind: 'call', id, method, input }));
  return (await reply).result;
};

describe('browser shell server', () => {
  it('serves the renderer on 127.0.0.1 with a strict CSP', async () => {
    const shell = await startShell();
    expect(shell.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${shell.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('民声坐席');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${shell.origin}/../../etc/passwd`)).status).toBe(404);
  });

  it('refuses a WebSocket client without the token, with a wrong token, or from a foreign page', async () => {
    const shell = await startShell();
    const base = `${shell.origin.replace('http', 'ws')}/desk-socket`;
    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${'x'.repeat(shell.token.length)}`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${shell.token}`, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(`${shell.origin.replace('http', 'ws')}/elsewhere?token=${shell.token}`)).toBe(404);
    expect(await upgradeStatus(`${base}?token=${shell.token}`, { origin: shell.origin })).toBe(101);
  });

  it('takes an encyclopedia upload only with the token from its own page, and answers bad files with a Result', async () => {
    const shell = await startShell();
    const upload = (body: string, headers: Record<string, string>) =>
      fetch(`${shell.origin}/kb-upload`, {
        method: 'POST',
        body,
        headers: { 'x-file-name': encodeURIComponent('条目.jsonl'), ...headers },
      });
    const line = JSON.stringify({ id: 'u1', version: 1, kind: 'info', title: '上传测试', body: '内容', department: '测试局' });
    expect((await upload(line, { origin: shell.origin })).status).toBe(401);
    expect((await upload(line, { origin: shell.origin, authorization: `Bearer ${'x'.repeat(shell.token.length)}` })).status).toBe(
      401,
    );
    expect((await upload(line, { origin: 'https://evil.example', authorization: `Bearer ${shell.token}` })).status).toBe(403);
    const array = await upload(`[${line}]`, { origin: shell.origin, authorization: `Bearer ${shell.token}` });
    expect(array.status).toBe(400);
    expect(await array.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('JSON 数组') },
    });
    const good = await upload(`${line}\n`, { origin: shell.origin, authorization: `Bearer ${shell.token}` });
    expect(await good.json()).toMatchObject({ ok: true, value: { inserted: 1, rejected: 0 } });
    expect((await fetch(`${shell.origin}/`)).status).toBe(200);
  });

  it('carries the contract: a valid call answers ok, an invalid payload answers INVALID_INPUT with the field', async () => {
    const shell = await startShell();
    const socket = await openSocket(shell);
    expect(await call(socket, 1, 'app.info')).toMatchObject({ ok: true, value: { transport: 'browser-shell' } });
    const invalid = await call(socket, 2, 'settings.save', { pbxServers: 'wss://not-a-list' });
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: expect.arrayContaining([{ field: 'pbxServers', message: expect.any(String) }]) },
    });
    socket.close();
  });

  it('survives garbage frames and keeps answering on the same socket', async () => {
    const shell = await startShell();
    const socket = await openSocket(shell);
    socket.send('{not json');
    socket.send(JSON.stringify({ kind: 'call', id: 'seven', method: 5 }));
    expect(await call(socket, 3, 'settings.nope')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const bad = nextFrame(socket, (frame) => frame.id === 4);
    socket.send(JSON.stringify({ kind: 'call', id: 4, method: { evil: true } }));
    expect((await bad).result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(socket, 5, 'app.info')).toMatchObject({ ok: true });
    socket.close();
  });

  it('pushes settings.changed to every connected console', async () => {
    const shell = await startShell();
    const [a, b] = [await openSocket(shell), await openSocket(shell)];
    // Other events (the headset's status, for one) may reach B first; only this one is under test.
    const seenByB = nextFrame(b, (frame) => frame.kind === 'event' && frame.event === 'settings.changed');
    const settings = {
      pbxServers: ['wss://pbx.example/ws'],
      sipExtension: '8002',
      sipAuthUser: '',
      displayName: '',
      platformUrl: '',
      centreCode: '',
      agentId: '',
    };
    await call(a, 1, 'settings.save', settings);
    expect(await seenByB).toMatchObject({ kind: 'event', event: 'settings.changed', payload: { settings } });
    a.close();
    b.close();
  });
});
