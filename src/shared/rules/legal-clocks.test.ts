import { describe, expect, it } from 'vitest'
import { isoDate, toEpochDay } from '../kernel/iso-date'
import { chainCase, countedDaysUntil, normalizeLeaves, nthCountedDay } from './clock'
import { legalClocks, report42LastCountedDay } from './legal-clocks'
import { caseClock } from './timeline'

const d = isoDate
const e = (s: string) => toEpochDay(d(s))

describe('the counted-day clock (domain §3.4)', () => {
  it('merges overlapping and touching leaves; a different cause in either part wins', () => {
    expect(
      normalizeLeaves([
        { start: 20, end: 30 },
        { start: 1, end: 5, sameCause: false },
        { start: 6, end: 8 },
        { start: 25, end: 40 },
      ]),
    ).toEqual([
      { start: 1, end: 8, sameCause: false },
      { start: 20, end: 40, sameCause: true },
    ])
  })

  it('chains per leave: only the leave in a gap decides whether the cause matters there', () => {
    const periods = [
      { start: 0, end: 9 },
      { start: 20, end: 29 },
      { start: 40, end: undefined },
    ]
    expect(chainCase(periods, []).firstIndex).toBe(0)
    expect(chainCase(periods, [{ start: 12, end: 14, sameCause: false }]).firstIndex).toBe(1)
    expect(chainCase(periods, [{ start: 32, end: 33, sameCause: false }]).firstIndex).toBe(2)
  })

  it('skips a leave that covers the start of a period and one inside the projection', () => {
    const periods = [{ start: 100, end: undefined }]
    const leaves = [
      { start: 95, end: 104 },
      { start: 120, end: 129 },
    ]
    // Days 105..119 are counted days 1..15; 130 is the 16th.
    expect(nthCountedDay(periods, leaves, 1)).toBe(105)
    expect(nthCountedDay(periods, leaves, 15)).toBe(119)
    expect(nthCountedDay(periods, leaves, 16)).toBe(130)
    expect(countedDaysUntil(periods, leaves, 130)).toBe(16)
  })

  it('a closed period is counted only to its end; the n-th day beyond it lies in the next period', () => {
    const periods = [
      { start: 0, end: 9 },
      { start: 30, end: undefined },
    ]
    expect(nthCountedDay(periods, [], 10)).toBe(9)
    expect(nthCountedDay(periods, [], 11)).toBe(30)
    expect(countedDaysUntil(periods, [], 35)).toBe(16)
  })
})

describe('the several clocks of domain §3.1', () => {
  const sick = caseClock({ today: d('2025-06-01'), sickPeriods: [{ start: d('2025-01-06') }] })

  it('the 42 weeks of ZW art. 38 end on the 294th counted day, the day before the report is due', () => {
    expect(report42LastCountedDay(sick)).toBe(e('2025-10-26'))
  })

  it('for continuous sickness wage, WIA and dismissal-protection clocks end on the same day', () => {
    expect(legalClocks(sick)).toEqual({
      wageContinuationLastDay: '2027-01-03',
      wiaWachttijdLastDay: '2027-01-03',
      opzegverbodLastDay: '2027-01-03',
      opzegverbodCountedDays: 147,
    })
  })

  it('ziek uit dienst: the employer’s wage clock stops at the end of employment; the WIA wachttijd runs on (§3.7)', () => {
    const c = legalClocks(sick, { employmentEnd: d('2025-08-31') })
    expect(c.wageContinuationLastDay).toBe('2025-08-31')
    expect(c.wiaWachttijdLastDay).toBe('2027-01-03')
    // An end of employment before the case or after the 104 weeks changes nothing.
    expect(legalClocks(sick, { employmentEnd: d('2024-12-31') }).wageContinuationLastDay).toBe(
      '2027-01-03',
    )
    expect(legalClocks(sick, { employmentEnd: d('2027-06-30') }).wageContinuationLastDay).toBe(
      '2027-01-03',
    )
  })

  it('pregnancy-related sickness before the leave does not count for dismissal protection (BW 7:670 lid 1)', () => {
    const c = caseClock({
      today: d('2025-06-01'),
      sickPeriods: [{ start: d('2025-01-06') }],
      leaves: [{ start: d('2025-03-01'), end: d('2025-06-20') }],
    })
    const clocks = legalClocks(c, {
      pregnancyRelatedSickness: [{ start: d('2025-01-06'), end: d('2025-02-28') }],
    })
    // The wage clock skips only the leave (112 days); the 7:670 clock also the 54 sick days before it.
    expect(clocks.wageContinuationLastDay).toBe('2027-04-25')
    expect(clocks.opzegverbodLastDay).toBe('2027-06-18')
    expect(e(clocks.opzegverbodLastDay) - e(clocks.wageContinuationLastDay)).toBe(54)
    expect(clocks.opzegverbodCountedDays).toBe(0)
  })
})
