import { describe, expect, it } from 'vitest'
import {
  addDays,
  daysBetween,
  formatDutchDate,
  formatDutchLongDate,
  isoDate,
  isoWeekday,
  fromEpochDay,
  toEpochDay,
  type IsoDate,
  parseDutchDate,
  parseIsoDate,
} from './iso-date'

describe('calendar dates', () => {
  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2025-02-29')).toBeUndefined()
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29')
    expect(parseIsoDate('2025-13-01')).toBeUndefined()
    expect(parseIsoDate('6-1-2025')).toBeUndefined()
    expect(parseIsoDate(20250106)).toBeUndefined()
  })

  it('reads the Dutch notation dd-mm-jjjj', () => {
    expect(parseDutchDate('06-01-2025')).toBe('2025-01-06')
    expect(parseDutchDate('6-1-2025')).toBe('2025-01-06')
    expect(parseDutchDate('31-04-2025')).toBeUndefined()
    expect(formatDutchDate(isoDate('2025-01-06'))).toBe('06-01-2025')
    expect(formatDutchLongDate(isoDate('2025-01-06'))).toBe('6 januari 2025')
  })

  it('adds calendar days exactly across DST and leap days', () => {
    expect(addDays(isoDate('2025-03-29'), 2)).toBe('2025-03-31')
    expect(addDays(isoDate('2024-02-28'), 1)).toBe('2024-02-29')
    expect(addDays(isoDate('2025-01-06'), 727)).toBe('2027-01-03')
    expect(daysBetween(isoDate('2025-01-06'), isoDate('2026-01-04'))).toBe(363)
  })

  it('knows the weekday (6 January 2025 is a Monday)', () => {
    expect(isoWeekday(isoDate('2025-01-06'))).toBe(1)
    expect(isoWeekday(isoDate('2025-01-12'))).toBe(7)
  })
})

describe('epoch days', () => {
  it('agree with the calendar for every day from 1900 to 2200', () => {
    for (let day = -25567; day <= 84006; day += 1) {
      const viaDate = new Date(day * 86_400_000).toISOString().slice(0, 10)
      expect(fromEpochDay(day)).toBe(viaDate)
      expect(toEpochDay(viaDate as IsoDate)).toBe(day)
    }
    // 110,000 days, CPU-bound: on two shared cores under a full parallel suite it needs more than
    // the default 5 s (alone it takes about 1 s).
  }, 30_000)
})
