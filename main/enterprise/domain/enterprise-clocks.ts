import { chinaDate } from '../../workorders/domain/deadline';
import type { HolidayCalendar } from '../../workorders/domain/holiday-calendar';
import type { EnterpriseMode } from '../../workorders/domain/intake-reference';
import { addWorkingDays } from '../../workorders/domain/working-days';

export interface EnterpriseClock {
  readonly kind: 'contact' | 'progress' | 'close';
  readonly dueAt: string;
  /** "1 小时" or "3 个工作日", shown beside the time. */
  readonly basis: string;
}

const endOfChinaDay = (date: string): string => new Date(Date.parse(`${date}T23:59:59.000+08:00`)).toISOString();

/**
 * The three clocks a 一企来 handling mode sets from the moment the order is registered: contact
 * the enterprise (clock hours, day and night), report progress and close (working days after the
 * China date of registration, due at the end of that day, as the ordinary deadline is).
 */
export const enterpriseClocks = (createdAt: Date, mode: EnterpriseMode, calendar: HolidayCalendar): EnterpriseClock[] => {
  const start = chinaDate(createdAt);
  return [
    {
      kind: 'contact',
      dueAt: new Date(createdAt.getTime() + mode.contactHours * 3600 * 1000).toISOString(),
      basis: `${mode.contactHours} 小时`,
    },
    {
      kind: 'progress',
      dueAt: endOfChinaDay(addWorkingDays(start, mode.progressWorkingDays, calendar)),
      basis: `${mode.progressWorkingDays} 个工作日`,
    },
    {
      kind: 'close',
      dueAt: endOfChinaDay(addWorkingDays(start, mode.closeWorkingDays, calendar)),
      basis: `${mode.closeWorkingDays} 个工作日`,
    },
  ];
};

export const enterpriseModeLabel = (mode: EnterpriseMode): string => `${mode.group} · ${mode.name}`;
