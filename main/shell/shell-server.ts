import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { type Result, fail } from '../../preload/contract';
import {
  SHELL_FILE_NAME_HEADER,
  SHELL_KB_UPLOAD_MAX_BYTES,
  SHELL_KB_UPLOAD_PATH,
  SHELL_MAX_FRAME_BYTES,
  SHELL_SOCKET_PATH,
  SHELL_TOKEN_PARAM,
  type ServerFrame,
  callFrameSchema,
} from '../../preload/contract/wire';
import { failureOf } from '../ipc/dispatcher';
import type { Logger } from '../log/logger';
import { buildCsp } from '../security/csp';
import type { DeskServices } from '../services';
import { readStaticFile } from './static-files';

export interface ShellServer {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

export interface ShellServerOptions {
  readonly services: DeskServices;
  readonly rendererDir: string;
  readonly log: Logger;
  readonly port?: number;
  /** Origins the CSP must allow for connect-src (PBX and platform), read per page load. */
  readonly connectOrigins: () => Promise<readonly string[]>;
  readonly token?: string;
}

/** Only the names this server is reached by: anything else is a DNS-rebinding page or a stray client. */
const hostAllowed = (host: string | undefined, port: number): boolean =>
  host === `127.0.0.1:${port}` || host === `localhost:${port}`;

/** The request target as a URL, or null: `new URL()` throws on targets like `//[`. */
const targetOf = (request: IncomingMessage, origin: string): URL | null => {
  try {
    return new URL(request.url ?? '/', origin);
  } catch {
    return null;
  }
};

const tokensMatch = (expected: string, given: string | null): boolean => {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The browser shell: the same services as the Electron app, the renderer served on 127.0.0.1, the
 * contract carried over a WebSocket. The per-run token keeps other local programs and web pages
 * (which could reach 127.0.0.1) away from the agent's data; the Origin check stops a foreign page
 * that somehow learnt the token.
 */
export const startShellServer = async (options: ShellServerOptions): Promise<ShellServer> => {
  const { services, rendererDir, log } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';

  let port = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (!hostAllowed(request.headers.host, port)) {
        response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('misdirected request');
        return;
      }
      if (request.method === 'POST' && targetOf(request, origin)?.pathname === SHELL_KB_UPLOAD_PATH) {
        await receiveKbUpload(request, response);
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      const file = await readStaticFile(rendererDir, request.url ?? '/');
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const socketOrigin = origin.replace(/^http/, 'ws');
      response.writeHead(200, {
        'content-type': file.contentType,
        'content-security-policy': buildCsp({ extraConnect: [socketOrigin, ...(await options.connectOrigins())] }),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    })().catch(() => response.writeHead(500).end());
  });

  const answer = (response: ServerResponse, status: number, result: Result<unknown>): void => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(JSON.stringify(result));
  };

  /** The page's file picker, streamed into the importer: the same checks as the socket (token, Origin), and a size cap. */
  const receiveKbUpload = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
    if (!tokensMatch(token, bearer)) return answer(response, 401, fail('FORBIDDEN_SENDER', '缺少或错误的访问令牌'));
    if (request.headers.origin !== origin) return answer(response, 403, fail('FORBIDDEN_SENDER', '来源不被允许'));
    const length = Number(request.headers['content-length']);
    if (!Number.isSafeInteger(length) || length < 0)
      return answer(response, 411, fail('INVALID_INPUT', '上传缺少文件大小（Content-Length）'));
    if (length > SHELL_KB_UPLOAD_MAX_BYTES) {
      answer(response, 413, fail('INVALID_INPUT', '文件超过 4 GB，无法导入'));
      request.destroy();
      return;
    }
    let name = 'upload.jsonl';
    try {
      name = decodeURIComponent(String(request.headers[SHELL_FILE_NAME_HEADER] ?? name)).slice(0, 200) || name;
    } catch {
      // A name that is not valid URI encoding is only a label: the default does.
    }
    request.on('error', () => undefined);
    const result = await services.kb.importSource({ name, bytesTotal: length, chunks: request }).then(
      (report) => ({ ok: true as const, value: report }),
      (error: unknown) => failureOf(error, 'kb.upload', log),
    );
    answer(response, result.ok ? 200 : 400, result);
    // A refused file (a JSON array) is not read to its end: the rest of its bytes are not wanted.
    if (!request.complete) request.destroy();
  };

  const sockets = new WebSocketServer({ noServer: true, maxPayload: SHELL_MAX_FRAME_BYTES });
  // A client that resets mid-handshake must not take the process down.
  sockets.on('error', (error) => log.warn('shell.socket-server-error', { code: (error as NodeJS.ErrnoException).code }));
  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: number, reason: string): void => {
      log.warn('shell.socket-refused', { reason });
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n\r\n`);
    };
    const url = targetOf(request, origin);
    if (!url) return refuse(400, 'Bad Request');
    if (!hostAllowed(request.headers.host, port)) return refuse(421, 'Misdirected Request');
    if (url.pathname !== SHELL_SOCKET_PATH) return refuse(404, 'Not Found');
    if (!tokensMatch(token, url.searchParams.get(SHELL_TOKEN_PARAM))) return refuse(401, 'Unauthorized');
    if (request.headers.origin !== undefined && request.headers.origin !== origin) return refuse(403, 'Forbidden');
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
  });

  const serveSocket = (ws: WebSocket): void => {
    const send = (frame: ServerFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const unsubscribe = services.events.subscribe((event, payload) => send({ kind: 'event', event, payload }));
    ws.on('close', unsubscribe);
    // Oversized, unmasked or otherwise broken frames end this socket (ws closes it with 1009/1002), never the shell.
    ws.on('error', (error) => {
      log.warn('shell.socket-error', { code: (error as NodeJS.ErrnoException).code });
      ws.terminate();
    });
    ws.on('message', (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        log.warn('shell.frame-not-json');
        return;
      }
      const parsed = callFrameSchema.safeParse(frame);
      if (!parsed.success) {
        const id = (frame as { id?: unknown })?.id;
        if (typeof id === 'number') send({ kind: 'result', id, result: fail('INVALID_INPUT', '无效的调用帧') });
        log.warn('shell.frame-invalid');
        return;
      }
      const { id, method, input } = parsed.data;
      void services
        .dispatch(method, input, { transport: 'browser-shell', origin })
        .then((result) => send({ kind: 'result', id, result }))
        .catch(() => send({ kind: 'result', id, result: fail('INTERNAL', '内部错误，已记录日志') }));
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    token,
    url: `${origin}/#${SHELL_TOKEN_PARAM}=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
