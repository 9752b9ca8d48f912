import { describe, expect, it } from 'vitest'
import { isoDate } from '../kernel/iso-date'
import { addWorkingDays, dutchHolidays, easterSunday, isWorkingDay } from './holidays'

describe('Dutch public holidays (Algemene termijnenwet art. 3)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })

  it('lists the 2025 holidays, with Koningsdag on 26 April when the 27th is a Sunday', () => {
    expect([...dutchHolidays(2025)].sort()).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-04-26',
      '2025-05-05',
      '2025-05-29',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ])
    expect(dutchHolidays(2026).has('2026-04-27')).toBe(true)
  })

  it('five working days skip weekends and holidays', () => {
    expect(isWorkingDay(isoDate('2025-04-21'))).toBe(false)
    // Thursday 24 April 2025 + 5 working days: Fri 25, (Sat 26 Koningsdag), Mon 28, Tue 29, Wed 30, Thu 1 May.
    expect(addWorkingDays(isoDate('2025-04-24'), 5)).toBe('2025-05-01')
    // Around Christmas 2025: Tue 23 Dec + 5 → Wed 24, Mon 29, Tue 30, Wed 31, Fri 2 Jan.
    expect(addWorkingDays(isoDate('2025-12-23'), 5)).toBe('2026-01-02')
  })
})
