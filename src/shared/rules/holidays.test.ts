import { describe, expect, it } from 'vitest'
import { isoDate, isoWeekday, toEpochDay } from '../kernel/iso-date'
import {
  addWorkingDays,
  dutchHolidays,
  easterSunday,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  weekdayOfEpochDay,
} from './holidays'

describe('Easter Sunday (Gregorian computus)', () => {
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2031, '2031-04-13'],
    [2038, '2038-04-25'],
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })
})

describe('Dutch public holidays (Algemene termijnenwet art. 3 lid 1)', () => {
  it.each([
    [
      2024,
      [
        '2024-01-01',
        '2024-04-01',
        '2024-04-27',
        '2024-05-05',
        '2024-05-09',
        '2024-05-20',
        '2024-12-25',
        '2024-12-26',
      ],
    ],
    [
      // Koningsdag moves to Saturday 26 April because the 27th is a Sunday.
      2025,
      [
        '2025-01-01',
        '2025-04-21',
        '2025-04-26',
        '2025-05-05',
        '2025-05-29',
        '2025-06-09',
        '2025-12-25',
        '2025-12-26',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-06',
        '2026-04-27',
        '2026-05-05',
        '2026-05-14',
        '2026-05-25',
        '2026-12-25',
        '2026-12-26',
      ],
    ],
    [
      2028,
      [
        '2028-01-01',
        '2028-04-17',
        '2028-04-27',
        '2028-05-05',
        '2028-05-25',
        '2028-06-05',
        '2028-12-25',
        '2028-12-26',
      ],
    ],
    [
      // 27 April 2031 is a Sunday again.
      2031,
      [
        '2031-01-01',
        '2031-04-14',
        '2031-04-26',
        '2031-05-05',
        '2031-05-22',
        '2031-06-02',
        '2031-12-25',
        '2031-12-26',
      ],
    ],
  ])('%i', (year, expected) => {
    expect([...dutchHolidays(year)].sort()).toEqual(expected)
  })

  it('Koninginnedag before 2014: 30 April, or Saturday 29 April when the 30th is a Sunday', () => {
    expect(dutchHolidays(2013).has(isoDate('2013-04-30'))).toBe(true)
    expect(dutchHolidays(2006).has(isoDate('2006-04-29'))).toBe(true)
    expect(dutchHolidays(2006).has(isoDate('2006-04-30'))).toBe(false)
  })

  it('Hemelvaartsdag on 5 May (2016) is one holiday, not two', () => {
    expect(dutchHolidays(2016).size).toBe(7)
  })

  it('Bevrijdingsdag counts every year, not only every fifth (Atw art. 3 lid 1)', () => {
    expect(isWorkingDay(isoDate('2026-05-05'))).toBe(false)
    expect(isWorkingDay(isoDate('2027-05-05'))).toBe(false)
  })

  it('Goede Vrijdag is a working day (not in the Atw art. 3 lid 1 list; the earlier date is safer)', () => {
    expect(isWorkingDay(isoDate('2025-04-18'))).toBe(true)
    expect(isWorkingDay(isoDate('2026-04-03'))).toBe(true)
  })

  it('computes weekdays from epoch days exactly as the calendar does', () => {
    for (let d = toEpochDay(isoDate('2023-12-25')); d < toEpochDay(isoDate('2024-01-08')); d++) {
      const date = isoDate(new Date(d * 86_400_000).toISOString().slice(0, 10))
      expect(weekdayOfEpochDay(d)).toBe(isoWeekday(date))
    }
  })
})

describe('working days (De Goudse art. 2.3.3: "binnen vijf werkdagen")', () => {
  it.each([
    ['an ordinary week plus a weekend', '2025-03-05', '2025-03-12'],
    ['over Koningsdag on a Monday (2026)', '2026-04-23', '2026-05-01'],
    ['over Bevrijdingsdag (2025)', '2025-04-30', '2025-05-08'],
    ['over Hemelvaartsdag (2025)', '2025-05-26', '2025-06-03'],
    ['over Goede Vrijdag (a working day) and Tweede Paasdag (2025)', '2025-04-16', '2025-04-24'],
    ['over Christmas and New Year', '2025-12-23', '2026-01-02'],
    ['from a Saturday', '2025-03-08', '2025-03-14'],
  ])('five working days %s: %s → %s', (_name, from, to) => {
    expect(addWorkingDays(isoDate(from), 5)).toBe(to)
  })

  it.each([
    ['a Sunday', '2025-06-29', '2025-06-27'],
    ['a working day itself', '2025-06-27', '2025-06-27'],
    ['Tweede Paasdag 2026 (Goede Vrijdag before it is a working day)', '2026-04-06', '2026-04-03'],
    ['Tweede Kerstdag on a Friday (2025)', '2025-12-26', '2025-12-24'],
  ])('the last working day on or before %s', (_name, date, expected) => {
    expect(lastWorkingDayOnOrBefore(isoDate(date))).toBe(expected)
  })
})
