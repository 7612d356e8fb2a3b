import { describe, expect, it } from 'vitest';
import { calendarFromYears } from '../../../../main/workorders/domain/holiday-calendar';
import { addWorkingDays, calendarCovers, isWorkingDay } from '../../../../main/workorders/domain/working-days';

/**
 * Each case counted by hand from the State Council notices:
 * 2025 Spring Festival off 01-28..02-04, make-up Sun 01-26 and Sat 02-08;
 * 2025 National Day + Mid-Autumn off 10-01..10-08, make-up Sun 09-28 and Sat 10-11;
 * 2026 New Year off 01-01..01-03, make-up Sun 01-04; Spring Festival off 02-15..02-23,
 * make-up Sat 02-14 and Sat 02-28; 2024 National Day off 10-01..10-07, make-up Sun 09-29, Sat 10-12.
 */
describe('addWorkingDays against the official calendar', () => {
  it.each([
    // Spring Festival 2025
    ['2025-01-24', 1, '2025-01-26'], // Fri → the make-up Sunday
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-24', 3, '2025-02-05'], // 01-28..02-04 off
    ['2025-01-26', 1, '2025-01-27'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-01-27', 5, '2025-02-10'], // 02-05 Wed, 06, 07, 08 make-up Sat, (09 Sun off) 10
    ['2025-01-28', 1, '2025-02-05'],
    ['2025-02-04', 1, '2025-02-05'],
    ['2025-02-07', 1, '2025-02-08'],
    ['2025-02-08', 1, '2025-02-10'],
    ['2025-01-22', 5, '2025-02-05'], // 23, 24, 26, 27, 02-05
    // National Day 2025
    ['2025-09-26', 1, '2025-09-28'], // Fri → make-up Sunday
    ['2025-09-28', 3, '2025-10-09'], // 29, 30, 10-09
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 3, '2025-10-11'], // 10-09, 10-10, 10-11 make-up Sat
    ['2025-10-01', 1, '2025-10-09'],
    ['2025-10-10', 1, '2025-10-11'],
    ['2025-10-11', 1, '2025-10-13'],
    ['2025-09-25', 5, '2025-10-09'], // 26, 28, 29, 30, 10-09
    // New Year and year boundaries
    ['2024-12-31', 1, '2025-01-02'], // 01-01 off
    ['2024-12-27', 3, '2025-01-02'], // 30, 31, 01-02
    ['2025-12-31', 1, '2026-01-04'], // 01-01..03 off, 01-04 make-up Sunday
    ['2025-12-31', 2, '2026-01-05'],
    ['2025-12-30', 5, '2026-01-07'], // 31, 01-04, 05, 06, 07
    // Spring Festival 2026
    ['2026-02-13', 1, '2026-02-14'], // make-up Saturday
    ['2026-02-13', 2, '2026-02-24'], // 02-15..02-23 off
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-20', 1, '2026-02-24'],
    ['2026-02-24', 4, '2026-02-28'], // 25, 26, 27, 28 make-up Sat
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-02-28', 1, '2026-03-02'],
    ['2026-02-10', 5, '2026-02-24'], // 11, 12, 13, 14, 24
    // National Day 2024 and an ordinary week
    ['2024-09-27', 1, '2024-09-29'],
    ['2024-09-30', 1, '2024-10-08'],
    ['2024-10-11', 1, '2024-10-12'],
    ['2026-11-27', 1, '2026-11-30'],
    ['2026-11-27', 5, '2026-12-04'],
    ['2026-11-30', 0, '2026-11-30'],
  ])('%s + %i working days = %s', (start, days, expected) => {
    expect(addWorkingDays(start, days)).toBe(expected);
  });

  it('knows make-up Saturdays and Sundays are working days and holidays on weekdays are not', () => {
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2026-01-02')).toBe(false);
  });

  it('falls back to weekends only for a year without a calendar, and says so', () => {
    expect(calendarCovers('2027-01-01')).toBe(false);
    expect(calendarCovers('2026-12-31')).toBe(true);
    expect(addWorkingDays('2027-01-01', 1)).toBe('2027-01-04');
  });

  it('uses a calendar that arrived later instead of the bundled one', () => {
    const synced = calendarFromYears([{ year: 2027, days: [{ name: '元旦', date: '2027-01-04', isOffDay: true }] }]);
    expect(addWorkingDays('2027-01-01', 1, synced)).toBe('2027-01-05');
  });

  it.each([
    ['2025-02-30', 1],
    ['2025/01/01', 1],
    ['', 1],
    ['2025-01-01', -1],
    ['2025-01-01', 1.5],
  ])('refuses %j with %s days', (start, days) => {
    expect(() => addWorkingDays(start, days)).toThrow(RangeError);
  });
});
