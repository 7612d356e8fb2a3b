import { z } from 'zod';
import { workOrderEventRecordSchema } from '../../main/sync/protocol/stream-records';
import { WORK_ORDER_STATUSES } from '../../main/workorders/domain/work-order-status';
import type { PullStream } from '../../main/sync/protocol/sync-protocol';
import type { PlatformStore, Session } from './platform-store';

/**
 * What the departments do on the reference platform, over HTTP (the demo and the e2e tests act as
 * a department would): sign in with a department account, list the centre's orders, record a step
 * of an order's life. A department token opens nothing else, and a console token not these.
 *
 *   POST /v1/departments/sign-in           { accountId, password }            → { token }
 *   GET  /v1/departments/orders            ?limit=N                           → [{ id, number, title, status }]
 *   GET  /v1/departments/orders/{id}       → { order, steps }
 *   POST /v1/departments/orders/{id}/steps { kind, status?, outcome?, ... }   → { centre }
 *
 * 催办 and 回访 are the hotline's own steps (consoles record them); registering is the intake's.
 */
const DEPARTMENT_KINDS = ['dispatched', 'accepted', 'returned', 'postponed', 'supervised', 'resolved', 'archived'] as const;
const time = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a time');

export const departmentSignInSchema = z.object({ accountId: z.string().min(1).max(32), password: z.string().min(1).max(128) });

export const departmentStepSchema = z
  .object({
    kind: z.enum(DEPARTMENT_KINDS),
    status: z.enum(WORK_ORDER_STATUSES).optional(),
    outcome: z.enum(['requested', 'approved', 'refused']).optional(),
    department: z.string().min(1).max(60).optional(),
    actor: z.string().min(1).max(60),
    note: z.string().max(1000).nullable().default(null),
    dueAt: time.optional(),
    deadlineAt: time.optional(),
  })
  .superRefine((step, context) => {
    // The same rule a console applies to the steps it pulls: an outcome only where it belongs.
    const asEvent = workOrderEventRecordSchema.safeParse({
      id: 'check',
      workOrderId: 'check',
      kind: step.kind,
      at: new Date().toISOString(),
      actor: step.actor,
      note: step.note,
      outcome: step.outcome ?? null,
    });
    if (!asEvent.success) context.addIssue({ code: 'custom', message: asEvent.error.issues[0]?.message ?? 'invalid step' });
  });

export type DepartmentReply = { status: number; body: unknown };

const ORDER_PATH = /^\/v1\/departments\/orders\/([A-Za-z0-9-]{1,64})$/;
const ORDER_STEPS_PATH = /^\/v1\/departments\/orders\/([A-Za-z0-9-]{1,64})\/steps$/;

export const isDepartmentPath = (pathname: string): boolean => pathname.startsWith('/v1/departments/');

/** Answers one department request; `announce` tells the centre's consoles on the live channel. */
export const departmentRoute = (
  store: PlatformStore,
  request: { method: string; url: URL; body: unknown; session: Session | null },
  announce: (centre: string, streams: readonly PullStream[]) => void,
  /** Each step applied (the hall counts 办结 for 按时办结率). */
  onStep: (centre: string, orderId: string, kind: string) => void = () => {},
): DepartmentReply => {
  const { method, url, body, session } = request;
  if (method === 'POST' && url.pathname === '/v1/departments/sign-in') {
    const parsed = departmentSignInSchema.safeParse(body);
    if (!parsed.success) return { status: 400, body: { error: 'invalid sign-in request', code: 'INVALID' } };
    const signedIn = store.departmentSignIn(parsed.data.accountId, parsed.data.password);
    return signedIn
      ? { status: 200, body: signedIn }
      : { status: 401, body: { error: '部门账号或密码不正确', code: 'BAD_CREDENTIALS' } };
  }
  if (!session) return { status: 401, body: { error: 'not signed in', code: 'UNAUTHORIZED' } };
  if (session.role !== 'department') return { status: 403, body: { error: '只有承办部门账号可以办理工单', code: 'FORBIDDEN' } };
  if (method === 'GET' && url.pathname === '/v1/departments/orders') {
    const limit = Number(url.searchParams.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      return { status: 400, body: { error: 'invalid limit', code: 'INVALID' } };
    return { status: 200, body: store.centreOrders(session.centreCode, limit) };
  }
  const orderPath = ORDER_PATH.exec(url.pathname);
  if (method === 'GET' && orderPath) {
    const found = store.orderCentre(orderPath[1]!) === session.centreCode ? store.orderWithSteps(orderPath[1]!) : null;
    return found ? { status: 200, body: found } : { status: 404, body: { error: '没有找到这张工单', code: 'NOT_FOUND' } };
  }
  const match = ORDER_STEPS_PATH.exec(url.pathname);
  if (method === 'POST' && match) {
    const parsed = departmentStepSchema.safeParse(body);
    if (!parsed.success) return { status: 400, body: { error: parsed.error.issues[0]?.message ?? 'invalid', code: 'INVALID' } };
    const orderId = match[1]!;
    // Another centre's order is not found, as one that does not exist.
    if (store.orderCentre(orderId) !== session.centreCode)
      return { status: 404, body: { error: '没有找到这张工单', code: 'NOT_FOUND' } };
    const { kind, actor, note, status, outcome, department, dueAt, deadlineAt } = parsed.data;
    const centre = store.departmentStep(orderId, {
      kind,
      actor,
      note,
      ...(status ? { status } : {}),
      ...(outcome ? { outcome } : {}),
      ...(department ? { department } : {}),
      ...(dueAt ? { dueAt } : {}),
      ...(deadlineAt ? { deadlineAt } : {}),
    });
    if (!centre) return { status: 404, body: { error: '没有找到这张工单', code: 'NOT_FOUND' } };
    announce(centre, ['work_orders']);
    onStep(centre, orderId, kind);
    return { status: 200, body: { centre } };
  }
  return { status: 404, body: { error: 'not found', code: 'NOT_FOUND' } };
};
