import { describe, expect, it } from 'vitest'
import { isoDate } from '../kernel/iso-date'
import { absenceFigures, durationClass, type AbsenceFacts } from './absence'

const d = isoDate
const Q1 = { from: d('2025-01-01'), to: d('2025-03-31') } // 90 days

/**
 * One werkgever over the first quarter of 2025, calculated by hand (calendar days):
 *
 * | who | hours | employed in Q1      | sick in Q1 (weighted)                         | class      |
 * |-----|-------|---------------------|-----------------------------------------------|------------|
 * | A   | 40    | 90 d → 3600         | 6–10 Jan: 5 d → 200; 25 Mar–: 7 d → 280       | kort, kort |
 * | B   | 20    | 90 d → 1800         | 20 Dec–19 Jan: 19 d in Q1 → 380 (31 d case)   | middellang |
 * | C   | 32    | 90 d → 2880         | 1 Jan–: 31 d × 32 = 992; from 1 Feb 16 h      | lang       |
 * |     |       |                     | worked: 59 d × 16 = 944                        |            |
 * | D   | 40    | from 1 Feb: 59 d → 2360 | none                                       |            |
 * | E   | 24    | until 31 Jan: 31 d → 744 | 20 Jan–10 Feb, only 20–31 Jan: 12 d → 288 | middellang |
 * | F   | 40    | 90 d → 3600         | 27 Jan–9 Feb, leave from 1 Feb: 5 d → 200     | middellang |
 *
 * available 14,984; sick 3,284 → 21.9167 %; kort 480, middellang 868, lang 1,936.
 * meldingen begun in Q1: A×2, C, E, F = 5; headcount 450/90 = 5; frequency 5/5 × 365/90.
 * ended (hersteldatum in Q1): A 5 d, B 31 d, E 22 d, F 14 d → 72/4 = 18 days.
 * nulverzuim: only D of 6 → 16.67 %.
 */
const quarter: AbsenceFacts = {
  employees: [
    { id: 'A', contractHoursPerWeek: 40, employmentStart: d('2020-01-01') },
    { id: 'B', contractHoursPerWeek: 20, employmentStart: d('2019-05-01') },
    { id: 'C', contractHoursPerWeek: 32, employmentStart: d('2018-03-01') },
    { id: 'D', contractHoursPerWeek: 40, employmentStart: d('2025-02-01') },
    {
      id: 'E',
      contractHoursPerWeek: 24,
      employmentStart: d('2021-01-01'),
      employmentEnd: d('2025-01-31'),
    },
    { id: 'F', contractHoursPerWeek: 40, employmentStart: d('2022-06-01') },
  ],
  sickPeriods: [
    { employeeId: 'A', start: d('2025-01-06'), end: d('2025-01-10') },
    { employeeId: 'A', start: d('2025-03-25') },
    { employeeId: 'B', start: d('2024-12-20'), end: d('2025-01-19') },
    { employeeId: 'C', start: d('2025-01-01') },
    { employeeId: 'E', start: d('2025-01-20'), end: d('2025-02-10') },
    { employeeId: 'F', start: d('2025-01-27'), end: d('2025-02-09') },
  ],
  partialRecoveries: [{ employeeId: 'C', date: d('2025-02-01'), hoursPerWeek: 16 }],
  leaves: [{ employeeId: 'F', start: d('2025-02-01'), end: d('2025-03-31') }],
}

describe('absence figures (hand-calculated quarter)', () => {
  const f = absenceFigures(quarter, Q1)

  it('weighs employment days by contract hours', () => {
    expect(f.periodDays).toBe(90)
    expect(f.employees).toBe(6)
    expect(f.availableHourDays).toBe(14_984)
    expect(f.averageHeadcount).toBe(5)
  })

  it('verzuimpercentage counts only days inside the period and the employment, without leave, weighted by incapacity', () => {
    expect(f.sickHourDays).toBe(3_284)
    expect(f.verzuimpercentage).toBeCloseTo((3_284 / 14_984) * 100, 10)
    expect(f.verzuimpercentage?.toFixed(2)).toBe('21.92')
  })

  it('splits the percentage and the meldingen by the duration of each case', () => {
    expect(f.verzuimpercentageByDuration.kort).toBeCloseTo((480 / 14_984) * 100, 10)
    expect(f.verzuimpercentageByDuration.middellang).toBeCloseTo((868 / 14_984) * 100, 10)
    expect(f.verzuimpercentageByDuration.lang).toBeCloseTo((1_936 / 14_984) * 100, 10)
    expect(f.meldingenByDuration).toEqual({ kort: 2, middellang: 2, lang: 1 })
  })

  it('meldingsfrequentie: meldingen begun in the period per average employee, per year', () => {
    expect(f.meldingen).toBe(5)
    expect(f.meldingsfrequentie).toBeCloseTo(365 / 90, 10)
  })

  it('gemiddelde verzuimduur: cases whose hersteldatum is in the period, days before it included', () => {
    expect(f.endedCases).toBe(4)
    expect(f.gemiddeldeVerzuimduur).toBe(18)
  })

  it('nulverzuim: employees without a sick day in the period', () => {
    expect(f.nulverzuim).toBeCloseTo(100 / 6, 10)
  })
})

describe('period edges', () => {
  const one = (start: string, end?: string): AbsenceFacts => ({
    employees: [{ id: 'X', contractHoursPerWeek: 36, employmentStart: d('2020-01-01') }],
    sickPeriods: [{ employeeId: 'X', start: d(start), end: end ? d(end) : undefined }],
  })

  it('a case whose last sick day is the period’s last day ends in the next period', () => {
    const f = absenceFigures(one('2025-03-20', '2025-03-31'), Q1)
    expect(f.endedCases).toBe(0)
    expect(f.gemiddeldeVerzuimduur).toBeNull()
    const next = absenceFigures(one('2025-03-20', '2025-03-31'), {
      from: d('2025-04-01'),
      to: d('2025-06-30'),
    })
    expect(next.endedCases).toBe(1)
    expect(next.gemiddeldeVerzuimduur).toBe(12)
    expect(next.sickHourDays).toBe(0)
    expect(next.meldingen).toBe(0)
    expect(next.nulverzuim).toBe(100)
  })

  it('a case that ended the day before the period has its hersteldatum on the first day', () => {
    const f = absenceFigures(one('2024-12-01', '2024-12-31'), Q1)
    expect(f.endedCases).toBe(1)
    expect(f.gemiddeldeVerzuimduur).toBe(31)
    expect(f.sickHourDays).toBe(0)
    expect(f.nulverzuim).toBe(100)
  })

  it('a case starting on the last day is a melding of one day (kort)', () => {
    const f = absenceFigures(one('2025-03-31'), Q1)
    expect(f.meldingen).toBe(1)
    expect(f.meldingenByDuration.kort).toBe(1)
    expect(f.sickHourDays).toBe(36)
    expect(f.verzuimpercentage).toBeCloseTo(100 / 90, 10)
  })

  it('a full partial recovery (all contract hours worked) leaves no absence on those days', () => {
    const facts: AbsenceFacts = {
      ...one('2025-01-01'),
      partialRecoveries: [{ employeeId: 'X', date: d('2025-01-11'), hoursPerWeek: 36 }],
    }
    const f = absenceFigures(facts, Q1)
    expect(f.sickHourDays).toBe(10 * 36)
  })

  it('a partial recovery of an earlier sick period does not carry over to a relapse', () => {
    const facts: AbsenceFacts = {
      employees: [{ id: 'X', contractHoursPerWeek: 40, employmentStart: d('2020-01-01') }],
      sickPeriods: [
        { employeeId: 'X', start: d('2025-01-01'), end: d('2025-01-20') },
        { employeeId: 'X', start: d('2025-02-01'), end: d('2025-02-05') },
      ],
      partialRecoveries: [{ employeeId: 'X', date: d('2025-01-11'), hoursPerWeek: 20 }],
    }
    const f = absenceFigures(facts, Q1)
    // 10 days full, 10 days half, then 5 days full again.
    expect(f.sickHourDays).toBe(10 * 40 + 10 * 20 + 5 * 40)
    expect(f.meldingen).toBe(2)
  })

  it('no employees: the ratios are absent, not zero', () => {
    const f = absenceFigures({ employees: [], sickPeriods: [] }, Q1)
    expect(f.verzuimpercentage).toBeNull()
    expect(f.meldingsfrequentie).toBeNull()
    expect(f.nulverzuim).toBeNull()
  })

  it('refuses a period that ends before it starts', () => {
    expect(() => absenceFigures(quarter, { from: d('2025-02-01'), to: d('2025-01-31') })).toThrow(
      /periode/,
    )
  })
})

describe('duration classes', () => {
  it.each([
    [1, 'kort'],
    [7, 'kort'],
    [8, 'middellang'],
    [42, 'middellang'],
    [43, 'lang'],
    [400, 'lang'],
  ] as const)('%i days is %s', (days, cls) => {
    expect(durationClass(days)).toBe(cls)
  })
})
