import type { z } from 'zod';
import {
  type CallContext,
  type Contract,
  type DeskHandlers,
  type FieldProblem,
  type Result,
  contract,
  fail,
  ok,
} from '../../preload/contract';
import type { MethodSpec } from '../../preload/contract/define';
import type { Logger } from '../log/logger';
import { DeskFailure } from '../shared/desk-failure';

export type Dispatch = (method: unknown, input: unknown, context: CallContext) => Promise<Result<unknown>>;

const toFieldProblems = (error: z.ZodError): FieldProblem[] =>
  error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));

type AnyHandler = (input: unknown, context: CallContext) => unknown;

const lookup = (method: unknown, handlers: DeskHandlers): { spec: MethodSpec; handler: AnyHandler } | null => {
  if (typeof method !== 'string') return null;
  const [namespace, name, ...rest] = method.split('.');
  if (!namespace || !name || rest.length > 0) return null;
  if (!Object.hasOwn(contract, namespace)) return null;
  const methods = contract[namespace as keyof Contract] as Readonly<Record<string, MethodSpec>>;
  if (!Object.hasOwn(methods, name)) return null;
  const namespaceHandlers = handlers[namespace as keyof Contract] as unknown as Record<string, AnyHandler>;
  const spec = methods[name];
  const handler = namespaceHandlers[name];
  return spec && handler ? { spec, handler } : null;
};

/** SQLite says SQLITE_FULL (or an I/O error for the same cause), Node says ENOSPC: the disk is full, not the program broken. */
const isDiskFull = (code: unknown): boolean => code === 'SQLITE_FULL' || code === 'ENOSPC';
const DISK_FULL_MESSAGE =
  '磁盘空间不足：刚才的操作没有保存，已填写的内容仍在界面上。请清理磁盘或联系 IT 管理员，有空间后会自动重试保存。';

/** What a caller sees for an exception: a DeskFailure as it is, a full disk as such, the rest as INTERNAL (logged). */
export const failureOf = (error: unknown, method: string, log: Logger): Result<never> => {
  if (error instanceof DeskFailure) return fail(error.code, error.message, error.fields);
  const code = (error as { code?: unknown })?.code;
  if (code === 'SECRET_STORAGE_UNAVAILABLE') return fail('SECRET_STORAGE_UNAVAILABLE', (error as Error).message);
  if (isDiskFull(code)) {
    log.error('ipc.disk-full', { method });
    return fail('DISK_FULL', DISK_FULL_MESSAGE);
  }
  log.error('ipc.handler-failed', { method, error: error instanceof Error ? error.name : typeof error });
  return fail(
    code === 'DATABASE_ERROR' ? 'DATABASE_ERROR' : 'INTERNAL',
    log.writable()
      ? '内部错误，已记录日志。请重试，若仍失败请联系 IT 管理员。'
      : '内部错误，且无法写入日志（磁盘可能已满）。请重试，若仍失败请联系 IT 管理员。',
  );
};

/**
 * The one path every call takes, whatever the transport: find the method in the contract, parse the
 * input, run the handler, parse the output. Handlers never see unvalidated data and the renderer
 * never sees a raw exception.
 */
export const createDispatcher =
  (handlers: DeskHandlers, log: Logger): Dispatch =>
  async (method, input, context) => {
    const found = lookup(method, handlers);
    if (!found) {
      log.warn('ipc.unknown-method', { method: typeof method === 'string' ? method.slice(0, 100) : typeof method });
      return fail('UNKNOWN_METHOD', `未知的调用：${typeof method === 'string' ? method.slice(0, 100) : typeof method}`);
    }
    const parsedInput = found.spec.input.safeParse(input);
    if (!parsedInput.success) {
      const fields = toFieldProblems(parsedInput.error);
      log.warn('ipc.invalid-input', { method: String(method), problems: fields.length, transport: context.transport });
      return fail(
        'INVALID_INPUT',
        `输入无效：${fields.map((f) => (f.field ? `${f.field}：${f.message}` : f.message)).join('；')}`,
        fields,
      );
    }
    try {
      const output = await found.handler(parsedInput.data, context);
      const parsedOutput = found.spec.output.safeParse(output);
      if (!parsedOutput.success) {
        log.error('ipc.invalid-output', { method: String(method) });
        return fail('INTERNAL', log.writable() ? '内部错误：返回数据不符合约定，已记录日志。' : '内部错误：返回数据不符合约定。');
      }
      return ok(parsedOutput.data);
    } catch (error) {
      return failureOf(error, String(method), log);
    }
  };
