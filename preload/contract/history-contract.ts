import { z } from 'zod';
import { storedTime, uuid } from './common';
import { method } from './define';

export const numberKindSchema = z.enum(['mobile', 'landline', 'service', 'international', 'withheld', 'unknown']);

/** A step of the order's life with the clock it started (main/history/domain/lifecycle.ts). */
export const lifecycleStepSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** 延期: requested / approved / refused; 回访: satisfied / basically_satisfied / dissatisfied. */
  outcome: z.string().nullable(),
  at: storedTime,
  actor: z.string(),
  department: z.string().nullable(),
  note: z.string().nullable(),
  clock: z
    .object({
      kind: z.enum(['accept', 'redispatch', 'postpone-decision', 'resolve', 'visit']),
      dueAt: storedTime,
      /** When the step that stops it happened; null while it runs. */
      metAt: storedTime.nullable(),
      /** The kind of that step: 'postponed' when an approved postponement replaced the clock. */
      endedBy: z.string().nullable(),
      /** Minutes left now (negative: overdue) while it runs; at the moment it was met otherwise. */
      minutesLeft: z.number(),
    })
    .nullable(),
});
export type LifecycleStepView = z.output<typeof lifecycleStepSchema>;

export const ordersChangedSchema = z.object({ callerIds: z.array(z.string()).max(200) });

export const SATISFACTION_CHOICES = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;

export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  requestType: z.string(),
  createdAt: storedTime,
  deadlineAt: storedTime.nullable(),
  /** Minutes until the deadline at the time of the lookup; negative when overdue. */
  minutesLeft: z.number().nullable(),
  /** How often the citizen chased it (催办), for open orders; 0 otherwise. */
  urgedCount: z.number().int().default(0),
  /** Where the order stands now (its latest step and the clock running), for orders still in the works. */
  step: lifecycleStepSchema.nullable().default(null),
});

export const callSummarySchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  ringAt: storedTime,
  answered: z.boolean(),
  durationSeconds: z.number().nullable(),
  agentId: z.string().nullable(),
  endCause: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
});

export const screenPopSchema = z.object({
  number: z.object({
    kind: numberKindSchema,
    /** Already masked for a confidential caller: the clear number needs history.revealNumber. */
    display: z.string(),
    masked: z.boolean(),
    source: z.enum(['p-asserted-identity', 'from', 'none']),
  }),
  displayName: z.string().nullable(),
  /** The caller asked the network to withhold the number (Privacy: id): masked, still kept for 回访. */
  privacyRequested: z.boolean(),
  caller: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      tags: z.array(z.string()),
      confidential: z.boolean(),
      regionCode: z.string().nullable(),
    })
    .nullable(),
  repeatCalls30d: z.number().int(),
  openOrders: z.array(orderSummarySchema),
  recentCalls: z.array(callSummarySchema),
  recentOrders: z.array(orderSummarySchema),
  /** 一企来: the enterprises this caller spoke for, each with its latest orders whoever called. */
  enterprises: z.array(z.object({ name: z.string(), creditCode: z.string(), orders: z.array(orderSummarySchema) })).default([]),
  lookupMs: z.number(),
});

export type ScreenPop = z.output<typeof screenPopSchema>;
export type OrderSummary = z.output<typeof orderSummarySchema>;
export type CallSummary = z.output<typeof callSummarySchema>;

export const workOrderDetailSchema = z.object({
  id: z.string(),
  number: z.string(),
  channel: z.string(),
  requestType: z.string(),
  categoryCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  address: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  urgency: z.string(),
  handlingMode: z.string(),
  leadDepartment: z.string().nullable(),
  coDepartments: z.array(z.string()),
  reply: z.string().nullable(),
  status: z.string(),
  deadlineAt: storedTime.nullable(),
  minutesLeft: z.number().nullable(),
  createdAt: storedTime,
  createdBy: z.string(),
  enterprise: z
    .object({
      name: z.string(),
      creditCode: z.string(),
      mode: z.string().nullable(),
      clocks: z.array(
        z.object({
          kind: z.enum(['contact', 'progress', 'close']),
          dueAt: storedTime,
          basis: z.string(),
          minutesLeft: z.number(),
        }),
      ),
    })
    .nullable(),
  /** Every step so far, in time order, each with its clock. */
  events: z.array(lifecycleStepSchema),
});

export type WorkOrderDetail = z.output<typeof workOrderDetailSchema>;

export const historyContract = {
  screenPop: method({
    input: z.object({
      from: z.string().max(8192).optional(),
      pAssertedIdentity: z.string().max(8192).optional(),
      privacy: z.string().max(200).optional(),
      /** The call this ring belongs to: a number withheld by Privacy is revealed from its record. */
      callId: uuid.optional(),
      /** Looked up again because a sync changed the caller's orders (the audit entry says so). */
      refresh: z.literal(true).optional(),
    }),
    output: screenPopSchema,
    summary: 'Who is calling and what the hotline did for them: from the raw identity headers of an INVITE.',
  }),
  revealNumber: method({
    input: z.union([
      z.object({ callerId: uuid, screen: z.enum(['caller-panel', 'work-order']) }),
      z.object({ callId: uuid, screen: z.enum(['caller-panel', 'call-history']) }),
    ]),
    output: z.object({ display: z.string() }),
    summary: 'The clear number of a confidential caller; recorded in the audit log.',
  }),
  trainingCallers: method({
    input: z.undefined(),
    output: z.array(
      z.object({
        kind: z.enum(['open-orders', 'confidential', 'repeat']),
        /** What the trainer rings with (the demo history's own number). */
        number: z.string(),
        /** As the caller panel would show it: masked for the confidential one. */
        display: z.string(),
        name: z.string().nullable(),
        count: z.number().int().nonnegative(),
      }),
    ),
    summary: 'Demo callers for 模拟来电: one with open orders, one confidential, one repeat caller (demo history only).',
  }),
  urge: method({
    input: z.object({ workOrderId: uuid }),
    output: z.object({ urgedCount: z.number().int(), at: storedTime, alreadyRecorded: z.boolean() }),
    summary: 'Record that the citizen on the line chased this open order (催办); once per call.',
  }),
  recordVisit: method({
    input: z.object({
      workOrderId: uuid,
      satisfaction: z.enum(SATISFACTION_CHOICES),
      note: z.string().trim().max(500, '回访说明不能超过 500 字').optional(),
    }),
    output: z.object({ at: storedTime, status: z.string() }),
    summary: "After a 回访 call: the citizen's satisfaction with a resolved order (and an optional note), synced.",
  }),
  workOrder: method({
    input: z.object({ workOrderId: uuid }),
    output: workOrderDetailSchema,
    summary: "A work order's full content and status history; recorded in the audit log.",
  }),
} as const;
