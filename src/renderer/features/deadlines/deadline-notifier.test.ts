import { describe, expect, it } from 'vitest'
import { isoDate } from '../../../shared/kernel/iso-date'
import type { CaseloadRow } from '../../storage'
import { deadlineNotice, overdueCount } from './deadline-notifier'
import { rankCaseload } from './deadline-views'

const row = (start: string, reported?: string): CaseloadRow => ({
  dossierId: start,
  employeeId: 'e',
  employeeName: 'Sanne de Vries',
  bsn: '111222333',
  employerId: 'w',
  employerName: 'Bakkerij',
  policyProfile: 'wettelijk',
  status: 'actief',
  casemanager: 'Petra',
  firstSickDay: isoDate(start),
  openSickPeriod: true,
  sickPeriods: [
    { start: isoDate(start), ...(reported ? { reportedToArbodienstOn: isoDate(reported) } : {}) },
  ],
  leaves: [],
  marks: [],
  documents: [],
  updatedAt: '',
  searchText: '',
})

const settings = { notifyEnabled: true, notifyDaysAhead: 7 }
const today = isoDate('2025-02-12')

describe('daily deadline notification', () => {
  it('counts overdue deadlines and those due within the chosen days, without names', () => {
    const rows = rankCaseload([row('2025-01-06'), row('2025-01-06', '2025-01-07')], today)
    const n = deadlineNotice(rows, today, settings)
    expect(n?.body).toBe(
      '1 termijn is verstreken; 2 termijnen verlopen binnen 7 dagen. Open de caseload voor de details.',
    )
    expect(n?.body).not.toContain('Sanne')
  })
  it('says nothing twice a day, nothing when disabled, nothing when nothing is near', () => {
    const rows = rankCaseload([row('2025-01-06')], today)
    expect(deadlineNotice(rows, today, { ...settings, lastNotifiedOn: today })).toBeUndefined()
    expect(deadlineNotice(rows, today, { ...settings, notifyEnabled: false })).toBeUndefined()
    const calm = rankCaseload([row('2025-02-10', '2025-02-10')], today)
    expect(deadlineNotice(calm, today, { ...settings, notifyDaysAhead: 3 })).toBeUndefined()
  })
})

describe('overdue badge count', () => {
  it('counts the steps past their deadline over the whole caseload, whatever the notice settings', () => {
    const rows = rankCaseload([row('2025-01-06'), row('2025-01-06', '2025-01-07')], today)
    expect(overdueCount(rows)).toBe(1)
    expect(overdueCount(rankCaseload([row('2025-02-10')], today))).toBe(0)
    expect(overdueCount([])).toBe(0)
  })
})
