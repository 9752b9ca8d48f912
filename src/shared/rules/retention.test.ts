import { describe, expect, it } from 'vitest'
import { isoDate } from '../kernel/iso-date'
import { retentionOf, type RetentionFacts } from './retention'

const base: RetentionFacts = {
  today: isoDate('2026-11-20'),
  lastSickDay: isoDate('2024-03-01'),
  reintegrationCase: true,
  reintegrationCompletedOn: isoDate('2024-03-02'),
  eigenrisicodragerZw: false,
  legalHold: 'geen',
}

describe('retention (AP, domain §5.6)', () => {
  it('a re-integratiedossier expires two years after the re-integration was completed', () => {
    expect(retentionOf(base)).toMatchObject({ state: 'expired', since: '2026-03-03' })
    expect(retentionOf({ ...base, today: isoDate('2026-03-02') })).toMatchObject({
      state: 'retained',
      until: '2026-03-02',
    })
  })
  it('an eigenrisicodrager keeps ZW data five years', () => {
    expect(retentionOf({ ...base, eigenrisicodragerZw: true })).toMatchObject({
      state: 'retained',
      until: '2029-03-01',
    })
  })
  it('a short absence is kept until two years after the employment ended', () => {
    const short = { ...base, reintegrationCase: false, reintegrationCompletedOn: undefined }
    expect(retentionOf(short).state).toBe('open')
    expect(retentionOf({ ...short, employmentEnd: isoDate('2024-06-30') })).toMatchObject({
      state: 'expired',
      since: '2026-07-01',
    })
  })
  it('nothing expires while the employee is sick, or while a legal hold stands', () => {
    expect(retentionOf({ ...base, lastSickDay: undefined }).state).toBe('open')
    expect(retentionOf({ ...base, legalHold: 'bezwaar' })).toMatchObject({
      state: 'hold',
      hold: 'bezwaar',
    })
  })
})
