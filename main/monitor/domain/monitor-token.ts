import { type KeyObject, randomUUID, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { MONITOR_MODES, MONITOR_NOTICES } from '../../../preload/contract/monitor-contract';

/**
 * The platform's permission for one lead to monitor one agent's call (issue #16): signed by the
 * platform (Ed25519), checked by the agent's console before it answers the lead's INVITE. Short-
 * lived and single-use; the console needs only the platform's public key.
 */
export { MONITOR_MODES, type MonitorMode } from '../../../preload/contract/monitor-contract';
/** Long enough for the lead's INVITE to reach the agent's console, short enough that a leaked token is dead. */
export const MONITOR_TOKEN_TTL_MS = 30_000;

const claimsSchema = z.object({
  v: z.literal(1),
  jti: z.string().uuid(),
  centre: z.string().min(1).max(12),
  lead: z.string().min(1).max(32),
  agent: z.string().min(1).max(32),
  /** The agent's call as SIP names it (its Call-ID): the Join must name the same dialog. */
  callId: z.string().min(1).max(300),
  modes: z.array(z.enum(MONITOR_MODES)).min(1).max(3),
  /** The centre's choice: does the agent see a discreet 班长监听中 (whisper always shows 班长指导中)? */
  agentNotice: z.enum(MONITOR_NOTICES).default('discreet'),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type MonitorClaims = z.output<typeof claimsSchema>;

const encode = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

export const signMonitorToken = (
  grant: Omit<MonitorClaims, 'v' | 'jti' | 'iat' | 'exp' | 'agentNotice'> & Partial<Pick<MonitorClaims, 'agentNotice'>>,
  privateKey: KeyObject,
  now: number,
): { token: string; claims: MonitorClaims } => {
  const claims: MonitorClaims = {
    v: 1,
    jti: randomUUID(),
    agentNotice: 'discreet',
    ...grant,
    iat: now,
    exp: now + MONITOR_TOKEN_TTL_MS,
  };
  const body = encode(JSON.stringify(claims));
  return { token: `${body}.${encode(sign(null, Buffer.from(body), privateKey))}`, claims };
};

export type MonitorRefusal =
  'malformed' | 'signature' | 'expired' | 'not-yet-valid' | 'foreign-agent' | 'foreign-call' | 'replayed';

/**
 * In this order: shape, signature, time, this agent, this call, first use. `seen` records the token
 * id and says whether it was seen before (the caller keeps ids until they expire).
 */
export const verifyMonitorToken = (
  token: string,
  expect: {
    readonly publicKey: KeyObject;
    readonly agent: string;
    readonly callId: string;
    readonly now: number;
    readonly seen: (jti: string, exp: number) => boolean;
  },
): { ok: true; claims: MonitorClaims } | { ok: false; reason: MonitorRefusal } => {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || token.length > 2000) return { ok: false, reason: 'malformed' };
  let signed = false;
  try {
    signed = verify(null, Buffer.from(body), expect.publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, reason: 'signature' };
  let parsed: ReturnType<typeof claimsSchema.safeParse>;
  try {
    parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const claims = parsed.data;
  if (expect.now >= claims.exp || claims.exp - claims.iat > MONITOR_TOKEN_TTL_MS) return { ok: false, reason: 'expired' };
  // A few seconds of clock difference between platform and PC are tolerated, not more.
  if (claims.iat > expect.now + 5_000) return { ok: false, reason: 'not-yet-valid' };
  if (claims.agent !== expect.agent) return { ok: false, reason: 'foreign-agent' };
  if (claims.callId !== expect.callId) return { ok: false, reason: 'foreign-call' };
  if (expect.seen(claims.jti, claims.exp)) return { ok: false, reason: 'replayed' };
  return { ok: true, claims };
};
