import { DEFAULT_LIFECYCLE_CLOCKS } from '../../history/domain/lifecycle';
import { z } from 'zod';

/**
 * The configurable data behind the intake form: category tree with guidance, request types,
 * urgency levels, deadline rules, departments. Shipped as JSON, replaceable by sync, so it is
 * validated like any other input from outside.
 */
const formField = z.enum(['contactName', 'contactNumber', 'regionCode', 'address']);

type CategoryNodeInput = {
  code: string;
  name: string;
  prompt?: string;
  required?: z.infer<typeof formField>[];
  children?: CategoryNodeInput[];
};

const categoryNode: z.ZodType<CategoryNodeInput> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^(\d{2}){1,3}$/),
    name: z.string().min(1).max(40),
    prompt: z.string().max(200).optional(),
    required: z.array(formField).optional(),
    children: z.array(categoryNode).optional(),
  }),
);

export const categoriesFileSchema = z.object({ version: z.number().int(), categories: z.array(categoryNode) });

export const intakeConfigSchema = z.object({
  version: z.number().int(),
  channels: z.array(z.string().min(1)).min(1),
  requestTypes: z.array(z.string().min(1)).min(1),
  urgencies: z
    .array(z.object({ code: z.string().min(1), label: z.string().min(1), hours: z.number().positive().optional() }))
    .min(1),
  deadlines: z.object({
    byRequestType: z.record(z.string(), z.number().int().min(0).max(60)),
    byCategoryPrefix: z.record(z.string(), z.number().int().min(0).max(60)),
    defaultWorkingDays: z.number().int().min(0).max(60),
  }),
  departments: z.array(z.string().min(1)),
  /** The channel whose requests come from enterprises (一企来): they carry the enterprise and a handling mode. */
  enterpriseChannel: z.string().min(1).optional(),
  enterpriseModes: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z][a-z0-9-]{0,29}$/),
        group: z.string().min(1).max(20),
        name: z.string().min(1).max(20),
        contactHours: z.number().positive().max(240),
        progressWorkingDays: z.number().int().min(0).max(60),
        closeWorkingDays: z.number().int().min(0).max(60),
      }),
    )
    .default([]),
  /** Working days each lifecycle step's clock allows (签收, 重新派单, 延期审批, 回访): centres differ. */
  lifecycleClocks: z
    .object({
      acceptWorkingDays: z.number().int().min(0).max(30),
      redispatchWorkingDays: z.number().int().min(0).max(30),
      postponeDecisionWorkingDays: z.number().int().min(0).max(30),
      visitWorkingDays: z.number().int().min(0).max(30),
    })
    .default(DEFAULT_LIFECYCLE_CLOCKS),
});

export type IntakeConfig = z.output<typeof intakeConfigSchema>;
export type RequiredField = z.infer<typeof formField>;
export type EnterpriseMode = IntakeConfig['enterpriseModes'][number];

export interface Category {
  readonly code: string;
  readonly name: string;
  /** "城市管理 / 噪音扰民 / 施工噪音" */
  readonly path: string;
  readonly level: 1 | 2 | 3;
  readonly prompt: string | null;
  readonly required: readonly RequiredField[];
}

/** Flattens the tree; leaves inherit nothing but their path, guidance is per leaf. */
export const flattenCategories = (file: z.output<typeof categoriesFileSchema>): Category[] => {
  const out: Category[] = [];
  const walk = (nodes: readonly CategoryNodeInput[], parents: readonly string[]): void => {
    for (const node of nodes) {
      const names = [...parents, node.name];
      out.push({
        code: node.code,
        name: node.name,
        path: names.join(' / '),
        level: (node.code.length / 2) as 1 | 2 | 3,
        prompt: node.prompt ?? null,
        required: node.required ?? [],
      });
      if (node.children) walk(node.children, names);
    }
  };
  walk(file.categories, []);
  return out;
};
