import { z } from 'zod';
import { uuid } from './common';
import { method } from './define';

export const syncStatusSchema = z.object({
  state: z.enum(['unconfigured', 'signed-out', 'online', 'offline', 'syncing']),
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  quarantined: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextRetryAt: z.string().nullable(),
  pulling: z.object({ stream: z.string(), applied: z.number().int(), remaining: z.number().int().nullable() }).nullable(),
});

export type SyncStatusView = z.output<typeof syncStatusSchema>;

export const quarantinedItemSchema = z.object({
  itemId: z.string(),
  stream: z.string(),
  recordId: z.string(),
  createdAt: z.string(),
  error: z.string().nullable(),
  attempts: z.number().int(),
});

export const syncContract = {
  status: method({ input: z.undefined(), output: syncStatusSchema, summary: 'Online or not, items waiting, last success.' }),
  signIn: method({
    input: z.object({ password: z.string().min(1, '请输入平台密码').max(128) }),
    output: syncStatusSchema,
    summary: 'Sign in to the platform with the configured agent ID and centre; the token goes to the secret store.',
  }),
  syncNow: method({ input: z.undefined(), output: syncStatusSchema, summary: 'Push and pull now.' }),
  quarantined: method({
    input: z.undefined(),
    output: z.array(quarantinedItemSchema),
    summary: 'Items the platform refused, and why.',
  }),
  release: method({
    input: z.object({ itemId: uuid }),
    output: z.object({ released: z.boolean() }),
    summary: 'Send a quarantined item again.',
  }),
} as const;
