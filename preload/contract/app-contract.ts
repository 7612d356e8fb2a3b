import { z } from 'zod';
import { method } from './define';

export const appInfoSchema = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'browser-shell']),
  profileDir: z.string(),
  platform: z.string(),
  schemaVersion: z.number().int(),
});

export type AppInfo = z.output<typeof appInfoSchema>;

export const appContract = {
  info: method({ input: z.undefined(), output: appInfoSchema, summary: 'Version, transport and profile of this console.' }),
} as const;
