import { z } from 'zod';
import { method } from './define';

export const appInfoSchema = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'browser-shell']),
  profileDir: z.string(),
  platform: z.string(),
  schemaVersion: z.number().int(),
  /** A training profile (培训模式): its calls are training calls and nothing it records reaches the platform. */
  profileKind: z.enum(['production', 'training']),
});

export type AppInfo = z.output<typeof appInfoSchema>;

export const appContract = {
  info: method({ input: z.undefined(), output: appInfoSchema, summary: 'Version, transport and profile of this console.' }),
} as const;
