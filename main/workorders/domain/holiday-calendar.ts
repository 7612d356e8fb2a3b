import year2024 from '../../data/holidays/2024.json';
import year2025 from '../../data/holidays/2025.json';
import year2026 from '../../data/holidays/2026.json';

/** One year as published (holiday-cn format): holidays off, weekend make-up days (调休) on. */
export interface HolidayYear {
  readonly year: number;
  readonly days: readonly { readonly name: string; readonly date: string; readonly isOffDay: boolean }[];
}

export interface HolidayCalendar {
  /** Years whose official calendar is known; outside them only weekends count as days off. */
  readonly years: ReadonlySet<number>;
  readonly offDays: ReadonlySet<string>;
  readonly makeUpWorkdays: ReadonlySet<string>;
}

export const calendarFromYears = (years: readonly HolidayYear[]): HolidayCalendar => {
  const offDays = new Set<string>();
  const makeUpWorkdays = new Set<string>();
  for (const year of years) {
    for (const day of year.days) (day.isOffDay ? offDays : makeUpWorkdays).add(day.date);
  }
  return { years: new Set(years.map((year) => year.year)), offDays, makeUpWorkdays };
};

export const bundledYears: readonly HolidayYear[] = [year2024, year2025, year2026];

/** The calendar shipped with the app; sync replaces and extends it. */
export const bundledCalendar: HolidayCalendar = calendarFromYears(bundledYears);

/** Bundled years, with any year that arrived by sync replacing the bundled one. */
export const calendarWithSynced = (synced: readonly HolidayYear[]): HolidayCalendar => {
  const byYear = new Map<number, HolidayYear>(bundledYears.map((year) => [year.year, year]));
  for (const year of synced) byYear.set(year.year, year);
  return calendarFromYears([...byYear.values()]);
};
