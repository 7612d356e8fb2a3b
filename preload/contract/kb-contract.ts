import { z } from 'zod';
import { method } from './define';

const segments = z.array(z.object({ text: z.string(), hit: z.boolean() }));

export const kbHitSchema = z.object({
  id: z.string(),
  kind: z.enum(['info', 'qa']),
  title: segments,
  snippet: segments,
  department: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** 0 the caller's county, 1 their city, 2 province, 3 national, 4 elsewhere; null without a caller region. */
  tier: z.number().int().min(0).max(4).nullable(),
  timeLimit: z.string().nullable(),
  /** Sample content shipped with the demo (tagged 示例): shown as such, never mistaken for policy. */
  sample: z.boolean(),
});

export type KbHit = z.output<typeof kbHitSchema>;

export const kbEntryDetailSchema = z.object({
  id: z.string(),
  kind: z.enum(['info', 'qa']),
  title: z.string(),
  body: z.string(),
  department: z.string().nullable(),
  regionCode: z.string().nullable(),
  timeLimit: z.string().nullable(),
  place: z.string().nullable(),
  phone: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  tags: z.array(z.string()),
});

export type KbEntryDetail = z.output<typeof kbEntryDetailSchema>;

export const kbLearnedAliasSchema = z.object({
  queryKey: z.string(),
  entryId: z.string(),
  title: z.string().nullable(),
  regionCode: z.string(),
  citations: z.number().int(),
  /** Citations, each counting half after 30 days; an alias is active from 3. */
  weight: z.number(),
  active: z.boolean(),
  lastAt: z.string(),
  removedAt: z.string().nullable(),
});

export type KbLearnedAlias = z.output<typeof kbLearnedAliasSchema>;

export const kbImportReportSchema = z.object({
  linesRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  stale: z.number().int(),
  rejected: z.number().int(),
  problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
  seconds: z.number(),
});

export type KbImportReport = z.output<typeof kbImportReportSchema>;

export const kbImportProgressSchema = z.object({
  file: z.string(),
  bytesRead: z.number(),
  bytesTotal: z.number(),
  entries: z.number().int(),
  rejected: z.number().int(),
  done: z.boolean(),
});

export type KbImportProgress = z.output<typeof kbImportProgressSchema>;

export const kbContract = {
  status: method({
    input: z.undefined(),
    output: z.object({ entries: z.number().int(), departments: z.array(z.string()) }),
    summary: 'How many entries are indexed, and their departments (for the filter).',
  }),
  search: method({
    input: z.object({
      query: z.string().max(64, '检索词最多 64 个字'),
      callerRegion: z
        .string()
        .regex(/^\d{2,12}$/)
        .nullable(),
      kind: z.enum(['info', 'qa']).nullable(),
      department: z.string().max(100).nullable(),
      /** The agent stopped typing: a query that finds nothing is recorded for the knowledge-base team. */
      settled: z.boolean(),
    }),
    output: z.object({ hits: z.array(kbHitSchema), tookMs: z.number() }),
    summary: 'Ranked, highlighted hits; the caller’s region first.',
  }),
  related: method({
    input: z.object({
      categoryName: z.string().max(40),
      text: z.string().max(5000),
      callerRegion: z
        .string()
        .regex(/^\d{2,12}$/)
        .nullable(),
    }),
    output: z.object({ hits: z.array(kbHitSchema) }),
    summary: 'Entries related to the order being typed (category and content).',
  }),
  entry: method({
    input: z.object({ id: z.string().min(1).max(64) }),
    output: kbEntryDetailSchema,
    summary: 'One entry in full.',
  }),
  cite: method({
    input: z.object({
      id: z.string().min(1).max(64),
      draftId: z.string().max(64).nullable(),
      /** What the agent had searched when they cited it: the search learns from it (learned aliases). */
      query: z.string().max(64).nullable().optional(),
      callerRegion: z
        .string()
        .regex(/^\d{2,12}$/)
        .nullable()
        .optional(),
    }),
    output: z.object({ answer: z.string(), title: z.string() }),
    summary: 'The answer to put into the work order’s reply; the citation is recorded and queued for the platform.',
  }),
  learning: method({
    input: z.undefined(),
    output: z.object({
      aliases: z.array(kbLearnedAliasSchema),
      unanswered: z.array(z.object({ query: z.string(), count: z.number().int(), lastAt: z.string() })),
    }),
    summary: 'For editors: aliases learned from citations (newest first) and the searches that found nothing this week.',
  }),
  removeAlias: method({
    input: z.object({
      queryKey: z.string().min(1).max(200),
      entryId: z.string().min(1).max(64),
      regionCode: z.string().max(12),
    }),
    output: z.object({ removed: z.boolean() }),
    summary: 'An editor removes a learned alias: the ranking forgets it at once; the removal is audited.',
  }),
  chooseImportFile: method({
    input: z.undefined(),
    output: kbImportReportSchema.nullable(),
    summary:
      'Electron: the file dialog, then a bulk import of the JSON Lines file picked (null when cancelled); progress as kb.importProgress events. The browser shell uploads instead (SHELL_KB_UPLOAD_PATH).',
  }),
} as const;
