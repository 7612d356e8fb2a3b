import { z } from 'zod';
import { CALL_PURPOSES } from '../../../preload/contract/phone-contract';
import { HELP_NOTE_MAX } from '../../../preload/contract/help-contract';
import { AUDIT_ACTIONS } from '../../audit/domain/audit-actions';
import { WORK_ORDER_EVENT_KINDS, WORK_ORDER_STATUSES } from '../../workorders/domain/work-order-status';
import { POSTPONE_OUTCOMES, SATISFACTION_OUTCOMES } from '../../history/domain/lifecycle';
import type { PushStream } from './sync-protocol';

/**
 * The records that travel between console and platform, one schema each: the console's outbox is
 * typed from them (a payload that does not fit is a compile error where it is queued) and the
 * platform validates every pushed item with the same schema, as the console validates what it pulls.
 */
const id = z.string().min(1).max(64);
const time = z.string().min(1).max(40);

export const callerRecordSchema = z.object({
  id,
  numberKey: z.string().min(3).max(20),
  numberKind: z.enum(['mobile', 'landline', 'service', 'international']),
  name: z.string().max(40).nullable(),
  tags: z.array(z.string().max(20)).max(20).default([]),
  confidential: z.boolean(),
  regionCode: z.string().max(12).nullable(),
  createdAt: time,
});

export const workOrderRecordSchema = z.object({
  id,
  number: z.string().min(1).max(40),
  channel: z.string().max(20),
  callerId: id.nullable(),
  contactName: z.string().max(40).nullable(),
  contactNumber: z.string().max(40).nullable(),
  requestType: z.string().min(1).max(20),
  categoryCode: z.string().max(12).nullable(),
  regionCode: z.string().max(12).nullable(),
  address: z.string().max(200).nullable(),
  title: z.string().min(1).max(100),
  content: z.string().min(1).max(5000),
  urgency: z.string().max(20),
  handlingMode: z.enum(['direct', 'dispatch']),
  leadDepartment: z.string().max(60).nullable(),
  coDepartments: z.array(z.string().max(60)).max(10).readonly(),
  reply: z.string().max(5000).nullable(),
  deadlineAt: time.nullable(),
  status: z.enum(WORK_ORDER_STATUSES),
  duplicateOf: id.nullable(),
  confidential: z.boolean(),
  createdBy: z.string().min(1).max(32),
  createdAt: time,
  /** 一企来: the enterprise (its credit code check digit verified where it was registered) and the handling mode. */
  enterprise: z
    .object({
      name: z.string().min(1).max(100),
      creditCode: z.string().regex(/^[0-9A-HJ-NP-RTUWXY]{18}$/),
      mode: z.string().max(30).nullable(),
    })
    .nullable()
    .optional(),
});
export type WorkOrderRecord = z.output<typeof workOrderRecordSchema>;

/**
 * A step of the order's life. The platform's steps name the department acting and may carry their
 * own due time (an approved postponement: the new deadline); 延期 says whether it was asked for,
 * approved or refused, 回访 the citizen's satisfaction. All three are optional: older consoles and
 * platforms send events without them.
 */
const workOrderEventFields = z.object({
  id,
  workOrderId: id,
  kind: z.enum(WORK_ORDER_EVENT_KINDS),
  at: time,
  actor: z.string().max(60),
  note: z.string().max(1000).nullable(),
  department: z.string().max(60).nullable().optional(),
  dueAt: time
    .refine((value) => !Number.isNaN(Date.parse(value)), 'dueAt is not a time')
    .nullable()
    .optional(),
  outcome: z
    .enum([...POSTPONE_OUTCOMES, ...SATISFACTION_OUTCOMES])
    .nullable()
    .optional(),
});

const outcomeFitsKind = (event: { kind: string; outcome?: string | null | undefined }, context: z.RefinementCtx): void => {
  const outcome = event.outcome ?? null;
  const allowed: readonly string[] =
    event.kind === 'postponed' ? POSTPONE_OUTCOMES : event.kind === 'visited' ? SATISFACTION_OUTCOMES : [];
  if (outcome !== null && !allowed.includes(outcome))
    context.addIssue({
      code: 'custom',
      path: ['outcome'],
      message: `outcome ${outcome} does not belong to a ${event.kind} step`,
    });
};

export const workOrderEventRecordSchema = workOrderEventFields.superRefine(outcomeFitsKind);
/** The events inside a pulled order document (the order's id is the document's). */
export const pulledWorkOrderEventSchema = workOrderEventFields.omit({ workOrderId: true }).superRefine(outcomeFitsKind);

export const callRecordPayloadSchema = z.object({
  id,
  sipCallId: z.string().max(300).nullable(),
  direction: z.enum(['inbound', 'outbound']),
  purpose: z.enum(CALL_PURPOSES),
  callerId: id.nullable(),
  remoteNumber: z.string().max(64).nullable(),
  localNumber: z.string().max(64).nullable(),
  agentId: z.string().max(32).nullable(),
  ringAt: time,
  answerAt: time.nullable(),
  endAt: time.nullable(),
  endCause: z.string().max(40).nullable(),
  transferTarget: z.string().max(64).nullable(),
  privacyRequested: z.boolean(),
  /** The MOS at the call's last change into or out of poor quality; absent from older consoles. */
  mos: z.number().min(1).max(5).nullable().optional(),
});

/** A SIP extension's user part as the platform accepts it. */
export const EXTENSION_PATTERN = /^[0-9A-Za-z_.+-]{1,32}$/;

export const agentStateRecordSchema = z.object({
  id,
  agentId: z.string().max(32),
  state: z.string().min(1).max(20),
  reason: z.string().max(40).nullable(),
  phoneRegistered: z.boolean(),
  at: time,
  /** The softphone's extension: how the platform tells the centre's ACD whom to offer calls. */
  extension: z.string().regex(EXTENSION_PATTERN).nullable().optional(),
});

export const kbUsageRecordSchema = z.object({
  id,
  kind: z.enum(['cited', 'no_result']),
  entryId: id.nullable(),
  query: z.string().max(200).nullable(),
  actor: z.string().max(32),
  draftId: id.nullable(),
  at: time,
});

export const auditRecordSchema = z.object({
  id,
  actor: z.string().max(32),
  action: z.enum(AUDIT_ACTIONS),
  screen: z.string().min(1).max(40),
  callerId: id.nullable().optional(),
  workOrderId: id.nullable().optional(),
  detail: z.string().max(200).nullable().optional(),
  at: time,
  /** The hash chain (main/audit/domain/audit-chain.ts); absent on entries queued by consoles before it. */
  consoleId: z.string().uuid().optional(),
  prevHash: z
    .string()
    .regex(/^(|[0-9a-f]{64})$/)
    .optional(),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** 求助: raised on the console; the lead's answer comes back on the live channel, not by push. */
export const helpRequestRecordSchema = z.object({
  id: z.string().uuid(),
  agentId: z.string().min(1).max(32),
  note: z.string().max(HELP_NOTE_MAX).nullable(),
  raisedAt: time,
  callId: id.nullable(),
  callSince: time.nullable(),
  callInProgress: z.boolean(),
  /** Masked on the console (138****5678); a confidential caller or one who asked for privacy is ***. */
  callerMasked: z.string().max(64).nullable(),
});

/** An internet request (全媒体) became this work order: queued with the order, so it is never lost offline. */
export const internetCompletionSchema = z.object({
  id: z.string().uuid(),
  workOrderId: id,
  completedBy: z.string().min(1).max(32),
  at: time,
});

export const pushPayloadSchemas = {
  work_order: workOrderRecordSchema,
  work_order_event: workOrderEventRecordSchema,
  call: callRecordPayloadSchema,
  caller: callerRecordSchema,
  agent_state: agentStateRecordSchema,
  kb_usage: kbUsageRecordSchema,
  audit: auditRecordSchema,
  internet_item: internetCompletionSchema,
  help_request: helpRequestRecordSchema,
} as const satisfies Record<PushStream, z.ZodType>;

export type PushPayload<S extends PushStream> = z.input<(typeof pushPayloadSchemas)[S]>;
