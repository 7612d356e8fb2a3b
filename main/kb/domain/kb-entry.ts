import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : null));
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD')
  .nullish()
  .transform((value) => value ?? null);

/**
 * One encyclopedia entry as it arrives from an import file or the platform: 政务信息 (`info`: a
 * service item or notice) or 政策问答 (`qa`: question and answer). `deleted: true` with a higher
 * version removes it.
 */
export const kbEntrySchema = z
  .object({
    id: z.string().trim().min(1, '缺少 id').max(64, 'id 过长'),
    version: z.number().int().nonnegative(),
    kind: z.enum(['info', 'qa']),
    title: z.string().trim().min(1, '缺少标题或问题').max(300),
    body: z.string().trim().min(1, '缺少正文或答案').max(20_000),
    department: optionalText(100),
    regionCode: z
      .string()
      .regex(/^\d{2,12}$/, '地区代码须为数字')
      .nullish()
      .transform((value) => value ?? null),
    timeLimit: optionalText(100),
    place: optionalText(1000),
    phone: optionalText(1000),
    validFrom: isoDate,
    validTo: isoDate,
    tags: z.array(z.string().trim().min(1).max(30)).max(30).default([]),
    deleted: z.boolean().default(false),
  })
  .refine((entry) => !entry.validFrom || !entry.validTo || entry.validFrom <= entry.validTo, {
    message: '有效期起始晚于截止',
    path: ['validTo'],
  });

export type KbEntry = z.output<typeof kbEntrySchema>;
export type KbEntryInput = z.input<typeof kbEntrySchema>;
