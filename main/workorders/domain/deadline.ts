import type { HolidayCalendar } from './holiday-calendar';
import type { IntakeConfig } from './intake-reference';
import { addWorkingDays, calendarCovers } from './working-days';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar date in China (UTC+8 all year, no daylight saving) of an instant. */
export const chinaDate = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** The end of a China calendar day, as an instant. */
const endOfChinaDay = (date: string): Date => new Date(Date.parse(`${date}T23:59:59.000+08:00`));

export interface DeadlineResult {
  readonly deadlineAt: string;
  /** What the agent reads next to the date: "1 个工作日" or "紧急：24 小时". */
  readonly basis: string;
  /** False when the year's official holiday calendar is not known yet (weekends only were skipped). */
  readonly calendarKnown: boolean;
}

export interface DeadlineInput {
  readonly createdAt: Date;
  readonly requestType: string;
  readonly categoryCode: string;
  readonly urgency: string;
}

/**
 * The rule table, most specific first: an urgency with hours (紧急, 特急) counts clock hours; else
 * the request type's working days (咨询: 1), else the longest matching category prefix, else the default.
 */
export const computeDeadline = (input: DeadlineInput, config: IntakeConfig, calendar: HolidayCalendar): DeadlineResult => {
  const urgency = config.urgencies.find((level) => level.code === input.urgency);
  if (urgency?.hours) {
    return {
      deadlineAt: new Date(input.createdAt.getTime() + urgency.hours * 3600 * 1000).toISOString(),
      basis: `${urgency.label}：${urgency.hours} 小时`,
      calendarKnown: true,
    };
  }
  const prefix = Object.keys(config.deadlines.byCategoryPrefix)
    .filter((candidate) => input.categoryCode.startsWith(candidate))
    .sort((a, b) => b.length - a.length)[0];
  const days =
    config.deadlines.byRequestType[input.requestType] ??
    (prefix !== undefined ? config.deadlines.byCategoryPrefix[prefix] : undefined) ??
    config.deadlines.defaultWorkingDays;
  const dueDate = addWorkingDays(chinaDate(input.createdAt), days, calendar);
  return {
    deadlineAt: endOfChinaDay(dueDate).toISOString(),
    basis: `${days} 个工作日`,
    calendarKnown: calendarCovers(dueDate, calendar),
  };
};
