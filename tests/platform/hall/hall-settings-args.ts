import { type HallSettings, hallSettingsSchema } from '../../../preload/contract/lead-contract';
import { DEFAULT_HALL_SETTINGS } from './hall';

/**
 * The centre's wallboard settings from `npm run platform` options: --answer-within 15 (seconds; the
 * N of N 秒接通率), --short-abandon 5 (seconds), --window-hours 12, --service-level-target 0.95.
 * Anything not a valid setting is refused with the reason, never silently defaulted.
 */
export const hallSettingsFromArgs = (option: (name: string) => string | undefined): HallSettings | { error: string } => {
  const read = (name: string, fallback: number): number => {
    const text = option(name);
    return text === undefined ? fallback : Number(text);
  };
  const parsed = hallSettingsSchema.safeParse({
    answerWithinSeconds: read('answer-within', DEFAULT_HALL_SETTINGS.answerWithinSeconds),
    shortAbandonSeconds: read('short-abandon', DEFAULT_HALL_SETTINGS.shortAbandonSeconds),
    windowHours: read('window-hours', DEFAULT_HALL_SETTINGS.windowHours),
    serviceLevelTarget: read('service-level-target', DEFAULT_HALL_SETTINGS.serviceLevelTarget),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { error: `invalid hall setting ${String(issue?.path[0] ?? '')}: ${issue?.message ?? ''}` };
};
