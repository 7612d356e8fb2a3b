/**
 * The SIP words of a monitoring session (docs/monitoring.md): the lead's INVITE names the agent's
 * call in a Join header (RFC 3911) and carries the platform's permission and the first mode; a
 * mode switch is an in-dialog INFO whose body is the mode. Everything read here came off the wire.
 */
import type { MonitorMode } from '../../../../preload/contract/monitor-contract';

// The contract's list, restated: the renderer imports only types from preload/contract.
const MONITOR_MODES: readonly MonitorMode[] = ['listen', 'whisper', 'barge'];

export const JOIN_HEADER = 'Join';
export const MONITOR_TOKEN_HEADER = 'X-Minsheng-Monitor-Token';
export const MONITOR_MODE_HEADER = 'X-Minsheng-Monitor-Mode';
export const MONITOR_MODE_CONTENT_TYPE = 'application/vnd.minsheng.monitor-mode';

export interface JoinTarget {
  readonly callId: string;
  readonly toTag: string | null;
  readonly fromTag: string | null;
}

/** RFC 3261 `word` characters: what a Call-ID may hold. No space, no CR or LF, nothing to smuggle a header in. */
const CALL_ID = /^[A-Za-z0-9\-.!%*_+`'~()<>:\\"/[\]?{}@]{1,300}$/;
const TAG = /^[A-Za-z0-9\-.!%*_+`'~]{1,128}$/;
const TOKEN = /^[A-Za-z0-9_-]{1,1800}\.[A-Za-z0-9_-]{1,200}$/;

/** `Join: callid;to-tag=…;from-tag=…`; null when it is not one (the INVITE is then answered 400). */
export const parseJoin = (value: string | undefined): JoinTarget | null => {
  if (value === undefined) return null;
  const [rawCallId, ...params] = value.split(';').map((part) => part.trim());
  if (!rawCallId || !CALL_ID.test(rawCallId)) return null;
  let toTag: string | null = null;
  let fromTag: string | null = null;
  for (const param of params) {
    const [name, tag] = param.split('=').map((part) => part.trim());
    if (!name) return null;
    const key = name.toLowerCase();
    if (key !== 'to-tag' && key !== 'from-tag') continue;
    if (!tag || !TAG.test(tag)) return null;
    if (key === 'to-tag') toTag = tag;
    else fromTag = tag;
  }
  return { callId: rawCallId, toTag, fromTag };
};

/**
 * Does the Join name this dialog of ours? The Call-ID must match; tags, when the lead sent them,
 * must be this dialog's (in either order: RFC 3911 gives them from the joined party's side).
 */
export const joinMatches = (
  target: JoinTarget,
  dialog: { readonly callId: string; readonly localTag: string; readonly remoteTag: string },
): boolean => {
  if (target.callId !== dialog.callId) return false;
  const tags = new Set([dialog.localTag, dialog.remoteTag]);
  return (target.toTag === null || tags.has(target.toTag)) && (target.fromTag === null || tags.has(target.fromTag));
};

export const parseMonitorMode = (value: string | undefined | null): MonitorMode | null => {
  const mode = value?.trim().toLowerCase();
  return (MONITOR_MODES as readonly string[]).includes(mode ?? '') ? (mode as MonitorMode) : null;
};

/** The lead's INVITE headers; throws when a value the platform gave could break the message. */
export const monitorInviteHeaders = (request: { joinSipCallId: string; token: string; mode: MonitorMode }): string[] => {
  if (!CALL_ID.test(request.joinSipCallId)) throw new Error('监听失败：通话标识无效');
  if (!TOKEN.test(request.token)) throw new Error('监听失败：平台许可格式无效');
  return [
    `${JOIN_HEADER}: ${request.joinSipCallId}`,
    'Require: join',
    `${MONITOR_TOKEN_HEADER}: ${request.token}`,
    `${MONITOR_MODE_HEADER}: ${request.mode}`,
  ];
};
