import { describe, expect, it } from 'vitest'
import { isoDate } from '../../../shared/kernel/iso-date'
import type { AbsenceFacts } from '../../../shared/reports/absence'
import { absenceCells, absenceRows, presetPeriods } from './report-tables'

const d = isoDate

describe('report periods', () => {
  it('offers this year to today, the previous quarter and the previous year', () => {
    expect(
      presetPeriods(d('2026-12-02')).map((p) => [p.label, p.period.from, p.period.to]),
    ).toEqual([
      ['Dit jaar tot vandaag', '2026-01-01', '2026-12-02'],
      ['Vorig kwartaal', '2026-07-01', '2026-09-30'],
      ['Vorig jaar', '2025-01-01', '2025-12-31'],
    ])
  })

  it('the previous quarter of a day in January is the last quarter of the year before', () => {
    expect(presetPeriods(d('2027-01-15'))[1]?.period).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    })
  })
})

describe('absence rows', () => {
  const year = { from: d('2025-01-01'), to: d('2025-12-31') }
  const employers = [
    { id: 'b', name: 'Bakkerij' },
    { id: 'a', name: 'Aannemer' },
  ]
  const byEmployer = new Map<string, AbsenceFacts>([
    [
      'a',
      {
        employees: [{ id: 'x', contractHoursPerWeek: 40, employmentStart: d('2020-01-01') }],
        sickPeriods: [{ employeeId: 'x', start: d('2025-01-01'), end: d('2025-01-10') }],
      },
    ],
    [
      'b',
      {
        employees: [{ id: 'y', contractHoursPerWeek: 20, employmentStart: d('2020-01-01') }],
        sickPeriods: [],
      },
    ],
  ])

  it('lists werkgevers by name and adds the caseload total weighted by hours', () => {
    const rows = absenceRows(employers, byEmployer, year, '')
    expect(rows.map((r) => r.label)).toEqual(['Aannemer', 'Bakkerij', 'Totaal caseload'])
    // 10 sick days (a middellang case) × 40 h over (365 × 40 + 365 × 20) hour-days.
    expect(rows[2]?.figures.verzuimpercentage).toBeCloseTo((400 / (365 * 60)) * 100, 10)
    expect(absenceCells(rows[0]!)).toEqual([
      'Aannemer',
      '1',
      '2,74',
      '0,00',
      '2,74',
      '0,00',
      '1',
      '1,00',
      '10,0',
      '0,0',
    ])
  })

  it('one werkgever chosen: only its row, no total', () => {
    expect(absenceRows(employers, byEmployer, year, 'b').map((r) => r.label)).toEqual(['Bakkerij'])
  })
})
