import { describe, expect, it } from 'vitest'
import { isoDate } from '../kernel/iso-date'
import {
  addMonths,
  goudseArboTakeover,
  goudseSanctionNoticeDue,
  isLateCancellation,
  remainingWageWeeks,
  terugvalpreventieDue,
} from './profile-rules'

describe('De Goudse Op Maat (seed 003)', () => {
  it('the arbo- en verzuimbegeleider takes over at D+28 (week 5); other profiles have no such step', () => {
    expect(goudseArboTakeover('goudse-op-maat', isoDate('2025-01-06'))).toBe('2025-02-03')
    expect(goudseArboTakeover('wettelijk', isoDate('2025-01-06'))).toBeUndefined()
  })
  it('a loonsanctie must be reported within five working days, skipping weekends and holidays', () => {
    expect(goudseSanctionNoticeDue('goudse-op-maat', isoDate('2025-04-24'))).toBe('2025-05-01')
    expect(
      goudseSanctionNoticeDue('asr-reintegratiemanager', isoDate('2025-04-24')),
    ).toBeUndefined()
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
