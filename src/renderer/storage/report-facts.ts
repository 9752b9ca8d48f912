import type { AbsenceFacts } from '../../shared/reports/absence'
import { readTables } from './crypto/bulk-read'
import type { HervatDb } from './db'

export type ReportEmployer = { readonly id: string; readonly name: string }

export type ReportFacts = {
  readonly employers: readonly ReportEmployer[]
  /** Per werkgever id: its werknemers and their sick periods, partial recoveries and leave. */
  readonly byEmployer: ReadonlyMap<string, AbsenceFacts>
}

/**
 * What the absence figures need, read in one consistent snapshot (like the caseload): werknemers
 * with their contract hours and employment, and the sick periods, partial recoveries and leave of
 * their dossiers, keyed by werknemer.
 */
export function reportFactsRepository(db: HervatDb) {
  return {
    read: async (): Promise<ReportFacts> => {
      const [employers, employees, dossiers, periods, recoveries, leaves] = await readTables(db, [
        'employers',
        'employees',
        'dossiers',
        'sickPeriods',
        'partialRecoveries',
        'leaves',
      ])
      const employeeOfDossier = new Map(dossiers.map((d) => [d.id, d.employeeId]))
      const employerOfEmployee = new Map(employees.map((e) => [e.id, e.employerId]))
      type Mutable = {
        employees: AbsenceFacts['employees'][number][]
        sickPeriods: AbsenceFacts['sickPeriods'][number][]
        partialRecoveries: NonNullable<AbsenceFacts['partialRecoveries']>[number][]
        leaves: NonNullable<AbsenceFacts['leaves']>[number][]
      }
      const byEmployer = new Map<string, Mutable>()
      const bucket = (employerId: string | undefined): Mutable | undefined => {
        if (!employerId) return undefined
        let b = byEmployer.get(employerId)
        if (!b) {
          b = { employees: [], sickPeriods: [], partialRecoveries: [], leaves: [] }
          byEmployer.set(employerId, b)
        }
        return b
      }
      for (const e of employees) {
        bucket(e.employerId)?.employees.push({
          id: e.id,
          contractHoursPerWeek: e.contractHoursPerWeek,
          employmentStart: e.employmentStart,
          employmentEnd: e.employmentEnd ?? null,
        })
      }
      const owner = (dossierId: string) => {
        const employeeId = employeeOfDossier.get(dossierId)
        const b = employeeId ? bucket(employerOfEmployee.get(employeeId)) : undefined
        return employeeId && b ? { employeeId, b } : undefined
      }
      for (const p of periods) {
        const o = owner(p.dossierId)
        o?.b.sickPeriods.push({ employeeId: o.employeeId, start: p.start, end: p.end ?? null })
      }
      for (const r of recoveries) {
        const o = owner(r.dossierId)
        o?.b.partialRecoveries.push({
          employeeId: o.employeeId,
          date: r.date,
          hoursPerWeek: r.hoursPerWeek,
        })
      }
      for (const l of leaves) {
        const o = owner(l.dossierId)
        o?.b.leaves.push({ employeeId: o.employeeId, start: l.start, end: l.end })
      }
      return {
        employers: employers.map((e) => ({ id: e.id, name: e.name })),
        byEmployer,
      }
    },
  }
}
