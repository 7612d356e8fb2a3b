import { z } from 'zod';
import { method } from './define';

/** A PIN or short password the agent types on the lock screen; digits are enough, any characters allowed. */
export const unlockPinSchema = z
  .string()
  .min(4, '锁屏密码至少 4 位')
  .max(32, '锁屏密码最多 32 位')
  .refine((value) => value.trim() === value && !/[\r\n\t]/.test(value), { message: '锁屏密码首尾不能有空格' });

export const lockStatusSchema = z.object({
  locked: z.boolean(),
  /** Which secrets open the lock: a PIN set in 设置 and/or the password of the last platform sign-in. */
  credentials: z.object({ pin: z.boolean(), platformPassword: z.boolean() }),
  /** After repeated wrong entries no attempt is checked for this long (0: try now). */
  retryAfterMs: z.number().int().nonnegative(),
});

export type LockStatus = z.output<typeof lockStatusSchema>;

export const unlockResultSchema = z.discriminatedUnion('unlocked', [
  z.object({ unlocked: z.literal(true), status: lockStatusSchema }),
  z.object({ unlocked: z.literal(false), reason: z.enum(['wrong', 'throttled']), status: lockStatusSchema }),
]);

export type UnlockResult = z.output<typeof unlockResultSchema>;

export const lockContract = {
  status: method({
    input: z.undefined(),
    output: lockStatusSchema,
    summary: 'Whether the console is locked and what unlocks it.',
  }),
  engage: method({
    input: z.object({ reason: z.enum(['idle', 'manual']) }),
    output: lockStatusSchema,
    summary: 'Lock the console (audited); held here, so a reloaded page comes back locked.',
  }),
  unlock: method({
    input: z.object({ secret: z.string().min(1, '请输入锁屏密码或平台密码').max(128, '密码过长') }),
    output: unlockResultSchema,
    summary: 'Check the PIN or the platform password; repeated wrong entries are slowed down (audited).',
  }),
  setPin: method({
    input: z.object({ pin: unlockPinSchema }),
    output: lockStatusSchema,
    summary: 'Set the lock PIN (kept as a salted scrypt hash).',
  }),
  clearPin: method({ input: z.undefined(), output: lockStatusSchema, summary: 'Forget the lock PIN.' }),
} as const;
