import { z } from 'zod';
import { method } from './define';

export const diagnosticsBundleSchema = z.object({
  fileName: z.string().regex(/^minsheng-diagnostics-[\d-]+\.zip$/),
  /** The zip itself: a few MB at most (logs are rotated at 5 MB, each file capped in the bundle). */
  zipBase64: z.string(),
  files: z.array(z.string()),
  /** How many names, numbers and texts were removed while packing. */
  redactions: z.number().int().nonnegative(),
});

export type DiagnosticsBundleView = z.output<typeof diagnosticsBundleSchema>;

export const diagnosticsContract = {
  export: method({
    input: z.undefined(),
    output: diagnosticsBundleSchema,
    summary: 'Logs, versions, settings without secrets and database counts as a zip, every personal detail removed (audited).',
  }),
} as const;
