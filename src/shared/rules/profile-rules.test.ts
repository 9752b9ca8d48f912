import { describe, expect, it } from 'vitest'
import { isoDate } from '../kernel/iso-date'
import {
  addMonths,
  amsterdamLocalToUtcMinutes,
  arboTakeover,
  isLateCancellation,
  remainingWageWeeks,
  sanctionNoticeDue,
  terugvalpreventieDue,
} from './profile-rules'

describe('De Goudse Op Maat (seed 003)', () => {
  it('the arbo- en verzuimbegeleider takes over at D+28 (week 5); other profiles have no such step', () => {
    expect(arboTakeover('goudse-op-maat', isoDate('2025-01-06'))).toBe('2025-02-03')
    expect(arboTakeover('wettelijk', isoDate('2025-01-06'))).toBeUndefined()
  })
  it('a loonsanctie must be reported within five working days, skipping weekends and holidays', () => {
    expect(sanctionNoticeDue('goudse-op-maat', isoDate('2025-04-24'))).toBe('2025-05-01')
    expect(sanctionNoticeDue('asr-reintegratiemanager', isoDate('2025-04-24'))).toBeUndefined()
  })
})

describe('terugvalpreventie (Ontzorgmanager, seeds 002/004)', () => {
  it('after more than three months absent, the contact is due six months after recovery', () => {
    expect(
      terugvalpreventieDue(
        'amersfoortse-ontzorgmanager',
        isoDate('2025-01-06'),
        isoDate('2025-05-31'),
      ),
    ).toBe('2025-12-01')
  })
  it('not after an absence of three months or less, not while still sick, not for other profiles', () => {
    expect(
      terugvalpreventieDue(
        'amersfoortse-ontzorgmanager',
        isoDate('2025-01-06'),
        isoDate('2025-04-05'),
      ),
    ).toBeUndefined()
    expect(
      terugvalpreventieDue('amersfoortse-ontzorgmanager', isoDate('2025-01-06'), undefined),
    ).toBeUndefined()
    expect(
      terugvalpreventieDue('goudse-op-maat', isoDate('2025-01-06'), isoDate('2025-05-31')),
    ).toBeUndefined()
  })
  it('the a.s.r. MKB Verzuim-ontzorgverzekering has it as its own rule (seed 002), no takeover or sanction notice', () => {
    expect(
      terugvalpreventieDue('asr-mkb-verzuim-ontzorg', isoDate('2025-01-06'), isoDate('2025-05-31')),
    ).toBe('2025-12-01')
    expect(arboTakeover('asr-mkb-verzuim-ontzorg', isoDate('2025-01-06'))).toBeUndefined()
    expect(sanctionNoticeDue('asr-mkb-verzuim-ontzorg', isoDate('2025-04-24'))).toBeUndefined()
  })
  it('adds calendar months, clamped to the end of the month', () => {
    expect(addMonths(isoDate('2025-01-31'), 1)).toBe('2025-02-28')
    expect(addMonths(isoDate('2024-01-31'), 1)).toBe('2024-02-29')
    expect(addMonths(isoDate('2025-11-15'), 3)).toBe('2026-02-15')
  })
})

describe('appointments (24-hour cancellation)', () => {
  it.each([
    ['2025-03-10T09:00', '2025-03-09T09:01', true],
    ['2025-03-10T09:00', '2025-03-09T09:00', false],
    ['2025-03-10T09:00', '2025-03-05T12:00', false],
  ])('appointment %s cancelled at %s: no-show %s', (startsAt, cancelledAt, late) => {
    expect(isLateCancellation({ startsAt, cancelledAt })).toBe(late)
  })
  it('an appointment that was not cancelled is no late cancellation', () => {
    expect(isLateCancellation({ startsAt: '2025-03-10T09:00' })).toBe(false)
  })
})

describe('interventions (INT-2)', () => {
  it('shows the weeks of wage continuation left next to the cost', () => {
    expect(remainingWageWeeks(isoDate('2027-01-03'), isoDate('2026-01-04'))).toBe(52)
    expect(remainingWageWeeks(isoDate('2027-01-03'), isoDate('2027-02-01'))).toBe(0)
  })
})

describe('Dutch local time to UTC (EU summer time, for the 24-hour rule)', () => {
  it.each([
    ['winter (CET, UTC+1)', '2025-01-15T12:00', '2025-01-15T11:00:00.000Z'],
    ['summer (CEST, UTC+2)', '2025-07-15T12:00', '2025-07-15T10:00:00.000Z'],
    ['just before the March change', '2025-03-30T01:59', '2025-03-30T00:59:00.000Z'],
    ['just after the March change', '2025-03-30T03:00', '2025-03-30T01:00:00.000Z'],
    ['the repeated October hour, first occurrence', '2025-10-26T02:30', '2025-10-26T00:30:00.000Z'],
    ['after the October change', '2025-10-26T03:00', '2025-10-26T02:00:00.000Z'],
  ])('%s: %s', (_name, local, utc) => {
    expect(new Date(amsterdamLocalToUtcMinutes(local) * 60_000).toISOString()).toBe(utc)
  })

  it('agrees with the platform’s Europe/Amsterdam zone for every hour of 2025 and 2026', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    const start = Date.UTC(2025, 0, 1)
    for (let t = start; t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]))
      const local = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
      const utc = amsterdamLocalToUtcMinutes(local) * 60_000
      // The repeated October hour maps to its first occurrence.
      expect(utc === t || utc === t - 3_600_000).toBe(true)
      if (utc !== t) expect(p.month).toBe('10')
    }
  })
})
