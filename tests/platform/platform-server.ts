import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  MAX_PULL_ITEMS,
  PULL_STREAMS,
  type LiveTopic,
  type PullStream,
  pullResponseSchema,
  pushRequestSchema,
  signInRequestSchema,
} from '../../main/sync/protocol/sync-protocol';
import type { PlatformStore, Session } from './platform-store';
import { departmentRoute, isDepartmentPath } from './department-routes';
import { internetRoute, isInternetPath } from './internet-routes';
import type { Acd } from './acd/acd';
import { type Hall, createHall } from './hall/hall';
import { deltaFor, isLeadPath, leadRoute } from './hall/lead-routes';
import type { HallSettings } from '../../preload/contract/lead-contract';
import type { HelpRequest } from '../../preload/contract/help-contract';
import type { MonitorNotice } from '../../preload/contract/monitor-contract';
import { pushPayloadSchemas } from '../../main/sync/protocol/stream-records';

/**
 * Faults a test can switch on: each counts down per affected request. `dropResponseAfterCommit`
 * applies the push and then closes the connection without answering, as a lost response would.
 */
export interface PlatformFaults {
  pushStatus?: { status: number; times: number };
  pushGarbage?: number;
  pushInvalidSchema?: number;
  pushDelayMs?: { ms: number; times: number };
  dropResponseAfterCommit?: number;
  pullStatus?: { status: number; times: number };
}

export interface PlatformServer {
  readonly url: string;
  readonly faults: PlatformFaults;
  /** Requests, and items received in pushes (an item sent twice counts twice). */
  readonly requests: { push: number; pull: number; pushedItems: number };
  /** Tells a centre's consoles on the live channel that streams changed (after a department step, say). */
  announce(centre: string | '*', streams: readonly LiveTopic[]): void;
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const NOT_JSON = Symbol('not JSON');
/** A POST's JSON body (null for other methods), or NOT_JSON when it does not parse. */
const postedJson = async (request: IncomingMessage): Promise<unknown> => {
  if (request.method !== 'POST') return null;
  try {
    return JSON.parse(await readBody(request)) as unknown;
  } catch {
    return NOT_JSON;
  }
};

const send = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};

const countDown = (fault: { times: number } | undefined): boolean => {
  if (!fault || fault.times <= 0) return false;
  fault.times -= 1;
  return true;
};

/** The reference platform: the sync protocol over HTTP on 127.0.0.1, plus the live WebSocket. */
export const startPlatformServer = async (
  store: PlatformStore,
  options: {
    port?: number;
    /** The centre's ACD: its queue feeds the centre's wallboard, and it hears which agents are ready. */
    acd?: { centre: string; acd: Acd };
    hallSettings?: HallSettings;
    /** The centre's setting: do agents see a discreet 班长监听中 while a lead listens? */
    monitorNotice?: MonitorNotice;
  } = {},
): Promise<PlatformServer> => {
  const faults: PlatformFaults = {};
  const requests = { push: 0, pull: 0, pushedItems: 0 };
  const live = new Map<WebSocket, Session>();

  const halls = new Map<string, Hall>();
  const hallOf = (centre: string): Hall => {
    let hall = halls.get(centre);
    if (!hall) {
      hall = createHall({
        ...(options.hallSettings ? { settings: options.hallSettings } : {}),
        openHelp: store.openHelpRequests(centre),
        onDelta: (delta) => {
          for (const [socket, session] of live) {
            if (session.centreCode !== centre) continue;
            const visible = deltaFor(session, delta);
            if (visible) socket.send(JSON.stringify({ type: 'wallboard', delta: visible }));
          }
        },
      });
      halls.set(centre, hall);
    }
    return hall;
  };
  const acd = options.acd;
  const stopAcdFeed = acd?.acd.onQueueEvent((event) => hallOf(acd.centre).queueEvent(event));
  const feedWatch = acd ? setInterval(() => hallOf(acd.centre).feed(acd.acd.connected()), 500) : null;
  const hallTick = setInterval(() => halls.forEach((hall) => hall.tick()), 60_000);
  hallTick.unref();
  /** Who the ACD may offer calls to, as the agents' own consoles last said; turns grow per ready. */
  const offered = new Map<string, boolean>();
  let turn = 0;
  const agentStateApplied = (session: Session, payload: unknown): void => {
    const parsed = pushPayloadSchemas.agent_state.safeParse(payload);
    if (!parsed.success) return;
    const change = parsed.data;
    hallOf(session.centreCode).agentState(session.agentId, {
      state: change.state,
      reason: change.reason,
      phoneRegistered: change.phoneRegistered,
      at: Date.parse(change.at),
      extension: change.extension ?? null,
      team: session.team,
    });
    if (!acd || acd.centre !== session.centreCode || !change.extension) return;
    const available = change.state === 'ready' && change.phoneRegistered;
    if (offered.get(change.extension) === available) return;
    offered.set(change.extension, available);
    turn += 1;
    void acd.acd
      .setAvailability(change.extension, available ? { available: true, turn } : { available: false })
      .catch(() => offered.delete(change.extension!));
  };

  /** A lead's answer: kept, shown to the centre's leads, and sent to the agent's consoles at once. */
  const helpAnswered = (request: HelpRequest, centre: string): void => {
    store.saveHelpRequest(request, centre);
    hallOf(centre).helpChanged(request);
    const message = JSON.stringify({ type: 'help', request });
    for (const [socket, session] of live)
      if (session.centreCode === centre && session.agentId === request.agentId) socket.send(message);
  };

  const announce = (centre: string | '*', streams: readonly LiveTopic[]): void => {
    if (streams.length === 0) return;
    const message = JSON.stringify({ type: 'changed', streams });
    for (const [socket, session] of live) if (centre === '*' || session.centreCode === centre) socket.send(message);
  };

  const authenticate = (request: IncomingMessage): Session | null => {
    const header = request.headers.authorization ?? '';
    return header.startsWith('Bearer ') ? store.session(header.slice(7)) : null;
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method === 'POST' && url.pathname === '/v1/auth/sign-in') {
        const parsed = signInRequestSchema.safeParse(JSON.parse(await readBody(request)));
        if (!parsed.success) return send(response, 400, { error: 'invalid sign-in request', code: 'INVALID' });
        const session = store.signIn(parsed.data.agentId, parsed.data.password, parsed.data.centreCode, parsed.data.consoleId);
        if (session === 'stations-full')
          return send(response, 409, { error: '本中心的坐席站号已用完，请联系平台管理员', code: 'STATIONS_FULL' });
        if (!session) return send(response, 401, { error: '工号、密码或中心代码不正确', code: 'BAD_CREDENTIALS' });
        return send(response, 200, session);
      }
      if (isInternetPath(url.pathname)) {
        const body = await postedJson(request);
        if (body === NOT_JSON) return send(response, 400, { error: 'body is not JSON', code: 'INVALID' });
        const token = request.headers['x-citizen-token'];
        const reply = await internetRoute(
          store,
          {
            method: request.method ?? 'GET',
            url,
            body,
            session: authenticate(request),
            citizenToken: typeof token === 'string' ? token : null,
          },
          announce,
        );
        if (reply.type) {
          response.writeHead(reply.status, { 'content-type': reply.type, ...(reply.headers ?? {}) }).end(String(reply.body));
          return;
        }
        return send(response, reply.status, reply.body);
      }
      if (isDepartmentPath(url.pathname)) {
        const body = await postedJson(request);
        if (body === NOT_JSON) return send(response, 400, { error: 'body is not JSON', code: 'INVALID' });
        const reply = departmentRoute(
          store,
          { method: request.method ?? 'GET', url, body, session: authenticate(request) },
          announce,
          (centre, orderId, kind) => {
            if (kind !== 'resolved') return;
            const deadline = store.orderWithSteps(orderId)?.order.deadlineAt;
            hallOf(centre).orderResolved({
              resolvedAt: new Date().toISOString(),
              deadlineAt: typeof deadline === 'string' ? deadline : null,
            });
          },
        );
        return send(response, reply.status, reply.body);
      }
      const session = authenticate(request);
      if (isLeadPath(url.pathname)) {
        const body = await postedJson(request);
        if (body === NOT_JSON) return send(response, 400, { error: 'body is not JSON', code: 'INVALID' });
        const reply = leadRoute(
          hallOf,
          { method: request.method ?? 'GET', pathname: url.pathname, session, platformId: store.platformId, body },
          { find: (id) => store.helpRequest(id), answered: helpAnswered },
          {
            privateKey: store.monitorKey.privateKey,
            agentTeam: (agentId, centre) => store.agentTeam(agentId, centre),
            activeCall: (agentId, callId) => store.activeCall(agentId, callId),
            currentCall: (agentId) => store.currentCall(agentId),
            extensionOf: (agentId, centre) => hallOf(centre).extensionOf(agentId),
            agentNotice: options.monitorNotice ?? 'discreet',
            now: Date.now,
          },
        );
        return send(response, reply.status, reply.body);
      }
      if (!session) return send(response, 401, { error: 'not signed in', code: 'UNAUTHORIZED' });
      // A department's token works orders on the platform, never as a console.
      if (session.role === 'department') return send(response, 403, { error: 'not a console account', code: 'FORBIDDEN' });

      if (request.method === 'POST' && url.pathname === '/v1/push') {
        requests.push += 1;
        if (faults.pushDelayMs && countDown(faults.pushDelayMs))
          await new Promise((resolve) => setTimeout(resolve, faults.pushDelayMs?.ms ?? 0));
        if (faults.pushStatus && countDown(faults.pushStatus))
          return send(response, faults.pushStatus.status, { error: 'injected', code: 'INJECTED' });
        let body: unknown;
        try {
          body = JSON.parse(await readBody(request));
        } catch {
          return send(response, 400, { error: 'body is not JSON', code: 'INVALID' });
        }
        const parsed = pushRequestSchema.safeParse(body);
        if (!parsed.success) return send(response, 400, { error: parsed.error.issues[0]?.message ?? 'invalid', code: 'INVALID' });
        requests.pushedItems += parsed.data.items.length;
        const outcome = store.push(parsed.data.items, session);
        announce(session.centreCode, outcome.changedStreams);
        parsed.data.items.forEach((item, index) => {
          if (outcome.results[index]?.status !== 'applied') return;
          if (item.stream === 'agent_state') agentStateApplied(session, item.payload);
          if (item.stream === 'call' && typeof item.payload.mos === 'number' && item.payload.endAt === null)
            hallOf(session.centreCode).callQuality(session.agentId, item.payload.mos);
          if (item.stream === 'help_request') {
            const raised = store.helpRequest(item.recordId);
            if (raised) hallOf(session.centreCode).helpChanged(raised);
          }
          if (item.stream === 'work_order' && item.op === 'create' && item.payload.handlingMode === 'direct')
            hallOf(session.centreCode).orderClosedDirectly(session.agentId, Date.parse(String(item.payload.createdAt)));
        });
        if ((faults.dropResponseAfterCommit ?? 0) > 0) {
          faults.dropResponseAfterCommit = (faults.dropResponseAfterCommit ?? 0) - 1;
          request.socket.destroy();
          return;
        }
        if ((faults.pushGarbage ?? 0) > 0) {
          faults.pushGarbage = (faults.pushGarbage ?? 0) - 1;
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"results": [ oops');
          return;
        }
        if ((faults.pushInvalidSchema ?? 0) > 0) {
          faults.pushInvalidSchema = (faults.pushInvalidSchema ?? 0) - 1;
          return send(response, 200, { platformId: store.platformId, results: 'all good' });
        }
        return send(response, 200, { platformId: store.platformId, results: outcome.results });
      }

      // The key every console checks a lead's monitoring permission with (issue #16).
      if (request.method === 'GET' && url.pathname === '/v1/monitor/key')
        return send(response, 200, {
          platformId: store.platformId,
          publicKey: store.monitorKey.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
        });
      if (request.method === 'GET' && url.pathname === '/v1/help/mine')
        return send(response, 200, { platformId: store.platformId, requests: store.helpRequestsOf(session.agentId, 20) });

      if (request.method === 'GET' && url.pathname === '/v1/pull') {
        requests.pull += 1;
        if (faults.pullStatus && countDown(faults.pullStatus))
          return send(response, faults.pullStatus.status, { error: 'injected', code: 'INJECTED' });
        const stream = url.searchParams.get('stream') as PullStream;
        const cursor = Number(url.searchParams.get('cursor') ?? 0);
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 1000), MAX_PULL_ITEMS);
        if (!PULL_STREAMS.includes(stream) || !Number.isInteger(cursor) || cursor < 0 || !Number.isInteger(limit) || limit < 1) {
          return send(response, 400, { error: 'invalid pull request', code: 'INVALID' });
        }
        const page = store.pull(stream, cursor, limit, session);
        return send(response, 200, pullResponseSchema.parse({ platformId: store.platformId, stream, ...page }));
      }
      return send(response, 404, { error: 'not found', code: 'NOT_FOUND' });
    })().catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, { error: error instanceof Error ? error.message : 'internal', code: 'INTERNAL' });
    });
  });

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://127.0.0.1');
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    // The token travels in the Authorization header, never in the URL (URLs end up in logs and proxies).
    const session = url.pathname === '/v1/live' ? authenticate(request) : null;
    if (!session || session.role === 'department') {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      live.set(ws, session);
      ws.on('close', () => live.delete(ws));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    requests,
    announce,
    close: () =>
      new Promise<void>((resolve) => {
        stopAcdFeed?.();
        if (feedWatch) clearInterval(feedWatch);
        clearInterval(hallTick);
        for (const socket of sockets.clients) socket.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
