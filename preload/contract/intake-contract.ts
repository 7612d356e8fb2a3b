import { z } from 'zod';
import { uuid } from './common';
import { method } from './define';
const text = (max: number) => z.string().max(max, `最多 ${max} 个字`);

/**
 * The intake form as the agent fills it. Every field may be empty in a draft; completeness is
 * checked by main on preview and submit, field by field, with the category's own requirements.
 */
export const intakeFormSchema = z.object({
  channel: text(20),
  callerName: text(40),
  contactNumber: text(40),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  requestType: text(20),
  categoryCode: z.string().regex(/^(\d{2}){0,3}$/, '分类代码无效'),
  regionCode: z.string().regex(/^(\d{6}|\d{9})?$/, '地点代码无效'),
  address: text(200),
  title: text(100),
  content: text(5000),
  urgency: text(20),
  handlingMode: z.enum(['direct', 'dispatch']),
  reply: text(5000),
  citedEntryId: text(64).nullable(),
  leadDepartment: text(60),
  coDepartments: z.array(text(60)).max(10, '协办部门最多 10 个'),
  dispatchNote: text(1000),
  callbackWanted: z.boolean(),
  callbackMethod: z.enum(['phone', 'sms']),
  /** 一企来 (the enterprise channel): who the enterprise is and the handling mode; ignored on other channels. */
  enterpriseName: text(100).default(''),
  creditCode: text(30).default(''),
  enterpriseMode: text(30).default(''),
});

export type IntakeForm = z.output<typeof intakeFormSchema>;

export const pickerItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  path: z.string(),
  level: z.number().int(),
  full: z.string(),
  initials: z.string(),
});

export type PickerItem = z.output<typeof pickerItemSchema>;

export const referenceDataSchema = z.object({
  channels: z.array(z.string()),
  requestTypes: z.array(z.string()),
  urgencies: z.array(z.object({ code: z.string(), label: z.string() })),
  /** Picker items whose code is the department's name (the platform keys departments by name today). */
  departments: z.array(pickerItemSchema),
  categories: z.array(pickerItemSchema.extend({ prompt: z.string().nullable(), required: z.array(z.string()) })),
  regions: z.array(pickerItemSchema),
  recentCategories: z.array(z.string()),
  /** The channel of enterprise requests (一企来), when the centre has one, and its handling modes. */
  enterpriseChannel: z.string().nullable(),
  enterpriseModes: z.array(z.object({ code: z.string(), group: z.string(), name: z.string(), clocks: z.string() })),
});

export type ReferenceData = z.output<typeof referenceDataSchema>;

export const draftSchema = z.object({
  id: z.string(),
  callRef: z.string().nullable(),
  form: intakeFormSchema,
  revision: z.number().int(),
  updatedAt: z.string(),
});

export type IntakeDraft = z.output<typeof draftSchema>;

export const duplicateCandidateSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  createdAt: z.string(),
  reason: z.enum(['same-caller', 'same-enterprise', 'same-place-and-category']),
});

export type DuplicateCandidate = z.output<typeof duplicateCandidateSchema>;

export const previewSchema = z.object({
  missing: z.array(z.object({ field: z.string(), message: z.string() })),
  deadline: z.object({ deadlineAt: z.string(), basis: z.string(), calendarKnown: z.boolean() }).nullable(),
  /** An enterprise request with a mode: contact, progress and close, each due at its own time. */
  enterpriseClocks: z
    .array(z.object({ kind: z.enum(['contact', 'progress', 'close']), dueAt: z.string(), basis: z.string() }))
    .default([]),
  duplicates: z.array(duplicateCandidateSchema),
  prompt: z.string().nullable(),
});

export type IntakePreview = z.output<typeof previewSchema>;

export const intakeContract = {
  referenceData: method({
    input: z.undefined(),
    output: referenceDataSchema,
    summary: 'Categories, places, types and departments for the pickers.',
  }),
  openDraft: method({
    input: z.object({ callRef: text(200).nullable(), fresh: z.boolean() }),
    output: draftSchema,
    summary: 'The draft linked to this call (or the latest unsubmitted one), or a new empty draft.',
  }),
  saveDraft: method({
    input: z.object({ id: uuid, revision: z.number().int().nonnegative(), form: intakeFormSchema }),
    output: z.object({ revision: z.number().int(), savedAt: z.string() }),
    summary: 'Autosave; an older revision never overwrites a newer one.',
  }),
  discardDraft: method({ input: z.object({ id: uuid }), output: z.object({ discarded: z.boolean() }), summary: 'Drop a draft.' }),
  preview: method({
    input: z.object({ form: intakeFormSchema }),
    output: previewSchema,
    summary: 'What is still missing, the deadline, and open orders this one may duplicate.',
  }),
  submit: method({
    input: z.object({ draftId: uuid, form: intakeFormSchema, duplicateOf: uuid.nullable() }),
    output: z.object({
      workOrderId: z.string(),
      number: z.string(),
      /** The console has never signed in to the platform, so the number carries a provisional station. */
      provisionalNumber: z.boolean(),
      deadlineAt: z.string().nullable(),
    }),
    summary: 'Write the order, its first event and its outbox row in one transaction.',
  }),
} as const;
