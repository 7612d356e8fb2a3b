import type { z } from 'zod';
import {
  type PullStream,
  type PushItem,
  errorResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  signInResponseSchema,
} from './protocol/sync-protocol';

export type PlatformErrorKind = 'offline' | 'timeout' | 'server' | 'garbage' | 'auth' | 'refused';

/** Every way the platform can fail us, as one type the engine can decide on (retry, re-auth, stop). */
export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

const MESSAGES: Readonly<Record<PlatformErrorKind | 'stranger', string>> = {
  offline: '无法连接平台',
  timeout: '平台响应超时',
  server: '平台内部错误',
  garbage: '平台返回的数据无法识别',
  auth: '平台登录已失效，请重新登录',
  refused: '平台拒绝了请求',
  stranger: '平台地址现在指向另一台服务器，请重新登录平台',
};

/** The platform's own words for a refusal, when it gave them in the error shape and they are short and printable. */
const reasonIn = (body: string): string => {
  try {
    const parsed = errorResponseSchema.safeParse(JSON.parse(body));
    const reason = parsed.success ? parsed.data.error.trim() : '';
    return reason && reason.length <= 120 && !/\p{Cc}/u.test(reason) ? `：${reason}` : '';
  } catch {
    return '';
  }
};

export interface PlatformClient {
  signIn(request: {
    agentId: string;
    password: string;
    centreCode: string;
    consoleId: string;
  }): Promise<z.output<typeof signInResponseSchema>>;
  push(items: readonly PushItem[]): Promise<z.output<typeof pushResponseSchema>>;
  pull(stream: PullStream, cursor: number, limit: number): Promise<z.output<typeof pullResponseSchema>>;
  readonly liveUrl: () => string;
  /** Any other authenticated request (the 网络诉求 queue): the same errors, the answer parsed and its platform checked. */
  call<S extends z.ZodType>(path: string, init: { method: 'GET' | 'POST'; body?: unknown }, schema: S): Promise<z.output<S>>;
}

export const createPlatformClient = (options: {
  baseUrl: string;
  token: () => Promise<string | null>;
  /** The platform that issued the token: an answer from any other is refused, so nothing is acknowledged by a stranger. */
  platformId?: string;
  timeoutMs?: number;
}): PlatformClient => {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  const request = async <S extends z.ZodType>(
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown; auth: boolean },
    schema: S,
  ): Promise<z.output<S>> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.auth) {
      const token = await options.token();
      if (!token) throw new PlatformError('auth', '尚未登录平台');
      headers.authorization = `Bearer ${token}`;
    }
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as { name?: string }).name;
      throw new PlatformError(
        name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'offline',
        name === 'TimeoutError' ? MESSAGES.timeout : MESSAGES.offline,
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new PlatformError('offline', MESSAGES.offline);
    }
    if (response.status === 401 || response.status === 403) throw new PlatformError('auth', MESSAGES.auth, response.status);
    if (response.status >= 500)
      throw new PlatformError('server', `${MESSAGES.server}（HTTP ${response.status}）`, response.status);
    if (response.status >= 400)
      throw new PlatformError('refused', `${MESSAGES.refused}（HTTP ${response.status}）${reasonIn(text)}`, response.status);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PlatformError('garbage', MESSAGES.garbage);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new PlatformError('garbage', `${MESSAGES.garbage}：${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    const answeredBy = (parsed.data as { platformId?: unknown }).platformId;
    if (init.auth && options.platformId !== undefined && answeredBy !== options.platformId)
      throw new PlatformError('auth', MESSAGES.stranger);
    return parsed.data;
  };

  return {
    signIn: (body) => request('/v1/auth/sign-in', { method: 'POST', body, auth: false }, signInResponseSchema),
    push: (items) => request('/v1/push', { method: 'POST', body: { items }, auth: true }, pushResponseSchema),
    pull: (stream, cursor, limit) =>
      request(
        `/v1/pull?stream=${encodeURIComponent(stream)}&cursor=${cursor}&limit=${limit}`,
        { method: 'GET', auth: true },
        pullResponseSchema,
      ),
    liveUrl: () => `${base.replace(/^http/, 'ws')}/v1/live`,
    call: (path, init, schema) => request(path, { ...init, auth: true }, schema),
  };
};
