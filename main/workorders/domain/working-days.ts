import { type HolidayCalendar, bundledCalendar } from './holiday-calendar';

/**
 * Working-day arithmetic on calendar dates (YYYY-MM-DD, no time zone involved): a day is a working
 * day when it is a make-up workday (调休), or a weekday that is not a public holiday.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const parse = (date: string): Date => {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (at.toISOString().slice(0, 10) !== date) throw new RangeError(`no such date: ${date}`);
  return at;
};

const format = (at: Date): string => at.toISOString().slice(0, 10);

export const isWorkingDay = (date: string, calendar: HolidayCalendar = bundledCalendar): boolean => {
  if (calendar.makeUpWorkdays.has(date)) return true;
  if (calendar.offDays.has(date)) return false;
  const weekday = parse(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** True when the official calendar of the year of `date` is known (else only weekends are skipped). */
export const calendarCovers = (date: string, calendar: HolidayCalendar = bundledCalendar): boolean =>
  calendar.years.has(parse(date).getUTCFullYear());

/**
 * The date of the `days`-th working day after `startDate`; the start day itself is not counted, so
 * a consultation registered on Friday with 1 working day is due on Monday (or later after a holiday).
 */
export const addWorkingDays = (startDate: string, days: number, calendar: HolidayCalendar = bundledCalendar): string => {
  if (!Number.isInteger(days) || days < 0 || days > 3650)
    throw new RangeError(`working days must be a whole number 0–3650, got ${days}`);
  const at = parse(startDate);
  let remaining = days;
  while (remaining > 0) {
    at.setUTCDate(at.getUTCDate() + 1);
    if (isWorkingDay(format(at), calendar)) remaining -= 1;
  }
  return format(at);
};
