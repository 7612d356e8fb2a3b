import { z } from 'zod';
import { method } from './define';

/** Half a year: long enough for 回访 and a citizen chasing a closed order, short of keeping it for ever. */
export const RETENTION_DEFAULT_DAYS = 180;

/** Ten minutes: a short break leaves the screen open, a walk to the canteen does not. */
export const IDLE_LOCK_DEFAULT_MINUTES = 10;

const trimmed = (max: number) => z.string().trim().max(max, `最多 ${max} 个字符`);

export const pbxServerUrl = z
  .string()
  .trim()
  .max(200, '地址过长')
  .refine((value) => /^wss?:\/\/[^\s/?#]+(:\d{1,5})?(\/[^\s]*)?$/i.test(value), {
    message: '话务服务器地址须为 ws:// 或 wss:// 开头的完整地址，例如 wss://pbx.example.gov.cn:7443/ws',
  });

export const platformUrl = z
  .string()
  .trim()
  .max(200, '地址过长')
  .refine((value) => value === '' || /^https?:\/\/[^\s/?#]+(:\d{1,5})?(\/[^\s]*)?$/i.test(value), {
    message: '平台地址须为 https:// 开头的完整地址',
  })
  // The bearer token and citizens' data must not cross a network in clear; plain http is for a platform on this PC.
  .refine(
    (value) =>
      !/^http:\/\//i.test(value) || /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?(\/|$)/i.test(value),
    {
      message: '平台地址须使用 https://（http:// 只允许本机地址 127.0.0.1 或 localhost）',
    },
  );

export const settingsSchema = z.object({
  pbxServers: z
    .array(pbxServerUrl)
    .max(8, '最多配置 8 个话务服务器')
    .refine((list) => new Set(list.map((url) => url.toLowerCase())).size === list.length, {
      message: '话务服务器地址重复',
    }),
  sipExtension: z
    .string()
    .trim()
    .refine((value) => value === '' || /^\d{2,12}$/.test(value), { message: '分机号须为 2–12 位数字' }),
  sipAuthUser: trimmed(64).refine((value) => !/\s/.test(value), { message: '认证用户名不能含空格' }),
  displayName: trimmed(40),
  platformUrl,
  centreCode: z
    .string()
    .trim()
    .refine((value) => value === '' || /^\d{6}(\d{6})?$/.test(value), {
      message: '中心代码须为 6 位或 12 位行政区划代码，例如 320505',
    }),
  agentId: z
    .string()
    .trim()
    .refine((value) => value === '' || /^[A-Za-z0-9_-]{1,32}$/.test(value), {
      message: '坐席工号须为 1–32 位字母、数字、下划线或连字符',
    }),
  /**
   * Days a closed order keeps its personal data on this PC after the platform has it; then only the
   * order's number, category, status and dates stay. Absent from older callers: the default.
   */
  retentionDays: z
    .number({ message: '保留天数须为数字' })
    .int('保留天数须为整数')
    .min(7, '保留天数至少 7 天')
    .max(3650, '保留天数最多 3650 天')
    .default(RETENTION_DEFAULT_DAYS),
  /**
   * 密评 (GB/T 39786 level 3): sensitive fields (numbers, names, addresses, request content) sealed
   * with SM4 and numbers looked up by their HMAC-SM3 blind index, on top of the encrypted file.
   * A centre's choice: it costs time on every read of those fields (README "SM4 字段加密").
   */
  fieldCipher: z.enum(['none', 'sm4'], { message: '敏感字段加密方式须为“不加密”或“SM4”' }).default('none'),
  /** Minutes without keyboard or mouse input (never counting a call) before the console locks itself. */
  idleLockMinutes: z
    .number({ message: '锁屏时间须为数字' })
    .int('锁屏时间须为整数')
    .min(1, '锁屏时间至少 1 分钟')
    .max(120, '锁屏时间最多 120 分钟')
    .default(IDLE_LOCK_DEFAULT_MINUTES),
});

export type Settings = z.output<typeof settingsSchema>;

export const secretStorageSchema = z.object({
  /** os-keychain: safeStorage with a real backend; memory-only: browser shell; unavailable: refused. */
  mode: z.enum(['os-keychain', 'memory-only', 'unavailable']),
  detail: z.string(),
});

export type SecretStorageStatus = z.output<typeof secretStorageSchema>;

export const settingsViewSchema = z.object({
  settings: settingsSchema,
  sipPasswordStored: z.boolean(),
  platformTokenStored: z.boolean(),
  secretStorage: secretStorageSchema,
});

export type SettingsView = z.output<typeof settingsViewSchema>;

export const settingsContract = {
  get: method({ input: z.undefined(), output: settingsViewSchema, summary: 'Current settings and secret status.' }),
  save: method({
    input: settingsSchema,
    output: settingsViewSchema,
    summary: 'Replace the non-secret settings as a whole.',
  }),
  saveSipPassword: method({
    input: z.object({ password: z.string().min(1, '密码不能为空').max(128, '密码过长') }),
    output: settingsViewSchema,
    summary: 'Store the SIP password through the secret store (never in SQLite in clear).',
  }),
  clearSipPassword: method({ input: z.undefined(), output: settingsViewSchema, summary: 'Forget the SIP password.' }),
} as const;
