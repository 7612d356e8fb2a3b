import { z } from 'zod';
import { isoTime, uuid } from './common';
import { method } from './define';

/** Keys a call-taker can bind; letters/digits with Ctrl/Alt/Shift, or function keys. */
const shortcut = z
  .string()
  .trim()
  .regex(/^((Ctrl|Alt|Shift)\+){0,3}([A-Z0-9]|F([1-9]|1[0-2])|Enter|Escape|Space)$/, {
    message: '快捷键格式如 F2、Ctrl+Alt+H',
  });

export const PHONE_ACTIONS = [
  'answer',
  'hangup',
  'hold',
  'mute',
  'transfer',
  'ready',
  'notReady',
  'focusCaller',
  'focusIntake',
  'focusKb',
  'help',
  'askLead',
  // A lead's monitoring session (班长台): switch mode, end it. Letters, not Alt+1–3 (the jump keys).
  'monitorListen',
  'monitorWhisper',
  'monitorBarge',
  'monitorEnd',
] as const;
export type PhoneAction = (typeof PHONE_ACTIONS)[number];

export const phonePreferencesSchema = z.object({
  /** SIP response a not-ready agent answers with: 480 sends the call back to the queue, 486 says busy. */
  notReadyResponse: z.union([z.literal(480), z.literal(486)]),
  notReadyReasons: z
    .array(z.string().trim().min(1).max(12, '每个示忙原因最多 12 个字'))
    .min(1, '至少配置一个示忙原因')
    .max(12, '示忙原因最多 12 个'),
  wrapUpSeconds: z
    .number({ error: '话后整理时长须为 0–600 的整数秒' })
    .int('话后整理时长须为 0–600 的整数秒')
    .min(0, '话后整理时长须为 0–600 的整数秒')
    .max(600, '话后整理时长须为 0–600 的整数秒'),
  autoAnswer: z.boolean(),
  dtmfMode: z.enum(['rfc4733', 'info']),
  /** Devices are remembered by label: ids change between sessions and after a re-plug. */
  microphoneLabel: z.string().max(200),
  speakerLabel: z.string().max(200),
  ringerLabel: z.string().max(200),
  takeNewHeadset: z.boolean(),
  emergencyTargets: z.array(z.string().regex(/^\d{3,12}$/)).max(6),
  shortcuts: z.object(
    Object.fromEntries(PHONE_ACTIONS.map((action) => [action, shortcut])) as Record<PhoneAction, typeof shortcut>,
  ),
});
export type PhonePreferences = z.output<typeof phonePreferencesSchema>;

/** What a console uses until a centre sets its own. */
export const defaultPhonePreferences: PhonePreferences = {
  notReadyResponse: 480,
  notReadyReasons: ['小休', '用餐', '会议', '培训'],
  wrapUpSeconds: 30,
  autoAnswer: false,
  dtmfMode: 'rfc4733',
  microphoneLabel: '',
  speakerLabel: '',
  ringerLabel: '',
  takeNewHeadset: true,
  emergencyTargets: ['110', '119', '120'],
  shortcuts: {
    answer: 'F2',
    hangup: 'F4',
    hold: 'F6',
    mute: 'F7',
    transfer: 'F8',
    ready: 'F9',
    notReady: 'F10',
    focusCaller: 'Alt+1',
    focusIntake: 'Alt+2',
    focusKb: 'Alt+3',
    help: 'F1',
    askLead: 'Alt+Q',
    monitorListen: 'Alt+L',
    monitorWhisper: 'Alt+W',
    monitorBarge: 'Alt+B',
    monitorEnd: 'Alt+E',
  },
};

export const phoneAccountSchema = z.object({
  servers: z.array(z.string()),
  extension: z.string(),
  authUser: z.string(),
  displayName: z.string(),
  /** Crosses to the renderer only because sip.js answers the digest challenge there. */
  password: z.string().nullable(),
  agentId: z.string(),
  preferences: phonePreferencesSchema,
});
export type PhoneAccount = z.output<typeof phoneAccountSchema>;

export const END_CAUSES = ['agent_hangup', 'caller_hangup', 'rejected', 'missed', 'abandoned', 'transferred', 'failed'] as const;
export type EndCause = (typeof END_CAUSES)[number];

/** Why the call exists; the renderer's call-purpose rules say what each one does. */
export const CALL_PURPOSES = ['citizen', 'outbound', 'consult', 'monitor', 'training'] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];

/** One call as the console saw it; sent at ring, answer and end, each time whole (an upsert). */
export const callRecordSchema = z.object({
  id: uuid,
  /** Older consoles sent no purpose: their calls were all citizens' or call-backs. */
  purpose: z.enum(CALL_PURPOSES).default('citizen'),
  sipCallId: z.string().max(200).nullable(),
  direction: z.enum(['inbound', 'outbound']),
  from: z.string().max(8192).nullable(),
  pAssertedIdentity: z.string().max(8192).nullable(),
  privacy: z.string().max(200).nullable(),
  remoteNumber: z.string().max(64).nullable(),
  ringAt: isoTime,
  answerAt: isoTime.nullable(),
  endAt: isoTime.nullable(),
  endCause: z.enum(END_CAUSES).nullable(),
  transferTarget: z.string().max(64).nullable(),
  /**
   * The scenario a training call plays, as its INVITE named it (read on training profiles only).
   * Not refused here when malformed: the call record must be kept; main stores only a valid id.
   */
  trainingScenarioId: z.string().max(64).nullable().default(null),
  /**
   * The estimated MOS when the call's quality last crossed into or out of 差 (poor): sent then, so
   * the lead's grid can flag a call going bad while it lasts. null until it first does.
   */
  mos: z.number().min(1).max(5).nullable().default(null),
});
export type CallRecord = z.output<typeof callRecordSchema>;

/** A stored call as the 通话记录 list shows it (an older version's cause is shown as stored). */
export const recentCallSchema = z.object({
  id: z.string(),
  sipCallId: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  remoteNumber: z.string().nullable(),
  ringAt: z.string(),
  answerAt: z.string().nullable(),
  endAt: z.string().nullable(),
  endCause: z.string().nullable(),
  transferTarget: z.string().nullable(),
  purpose: z.enum(CALL_PURPOSES),
  /** Confidential caller or withheld number: shown masked; 显示 reveals it with an audit entry. */
  masked: z.boolean(),
});
export type RecentCall = z.output<typeof recentCallSchema>;

export const agentStateChangeSchema = z.object({
  state: z.enum(['signed-out', 'ready', 'not-ready', 'on-call', 'wrap-up']),
  reason: z.string().max(12).nullable(),
  /** False while the softphone is not registered: the agent may be 示闲 but no call can reach them. */
  phoneRegistered: z.boolean(),
  at: isoTime,
});
export type AgentStateChange = z.output<typeof agentStateChangeSchema>;

export const phoneContract = {
  account: method({
    input: z.undefined(),
    output: phoneAccountSchema,
    summary: 'What the softphone registers with: servers in priority order, extension, credentials, preferences.',
  }),
  savePreferences: method({ input: phonePreferencesSchema, output: phonePreferencesSchema, summary: 'Softphone preferences.' }),
  recordCall: method({
    input: callRecordSchema,
    output: z.object({ id: z.string() }),
    summary: 'Create or update a call record (written at ring, answer and end, so a crash keeps it).',
  }),
  recentCalls: method({
    input: z.object({ limit: z.number().int().min(1).max(200) }),
    output: z.array(recentCallSchema),
    summary: 'The latest call records of this console, newest first.',
  }),
  agentStateChanged: method({
    input: agentStateChangeSchema,
    output: z.object({ id: z.string() }),
    summary: 'Record an agent state change; the sync engine sends it to the platform.',
  }),
} as const;
