import { employeeFullName, type Dossier } from '../../shared/domain/entities'
import { storedDocumentFacts } from '../../shared/documents/document-facts'
import type { PolicyProfileId } from '../../shared/domain/policy-profile'
import type { IsoDate } from '../../shared/kernel/iso-date'
import type { DocumentFact } from '../../shared/rules/document-steps'
import { foldForSearch } from '../../shared/kernel/text'
import { readTables } from './crypto/bulk-read'
import type { HervatDb } from './db'

export type CaseloadRow = {
  readonly dossierId: string
  readonly employeeId: string
  readonly employeeName: string
  readonly bsn: string
  readonly employerId: string
  readonly employerName: string
  readonly policyProfile: PolicyProfileId
  readonly status: Dossier['status']
  readonly casemanager: string
  readonly firstSickDay?: IsoDate
  readonly openSickPeriod: boolean
  readonly sickPeriods: readonly {
    start: IsoDate
    end?: IsoDate
    reportedToEmployerOn?: IsoDate
    reportedToArbodienstOn?: IsoDate
  }[]
  readonly leaves: readonly {
    start: IsoDate
    end: IsoDate
    sameCauseAroundLeave: boolean
    expectedDeliveryDate?: IsoDate
  }[]
  readonly marks: readonly {
    key: string
    state: 'done' | 'waived'
    date: IsoDate
    motivation?: string
  }[]
  /** The dossier's documents as the rule core reads them: they close their steps (ADR 0010). */
  readonly documents: readonly DocumentFact[]
  readonly employmentEnd?: IsoDate
  readonly loonsanctieDecisionOn?: IsoDate
  /** The dossier's non-medical facts the reporting rules use (domain §5.5). */
  readonly safetyNet?: Dossier['safetyNet']
  readonly longTermExpectedOn?: IsoDate
  readonly voluntaryExtensionWeeks?: number
  readonly voluntaryExtensionRequestedOn?: IsoDate | undefined
  readonly updatedAt: string
  /** Lower-case, accent-free name, employer and BSN for search as you type. */
  readonly searchText: string
}

function groupBy<T extends { dossierId: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const r of rows) {
    const list = m.get(r.dossierId)
    if (list) list.push(r)
    else m.set(r.dossierId, [r])
  }
  return m
}

/** The caseload in one pass: each table read once, joined in memory (5,000 dossiers stay fast). */
export function caseloadRepository(db: HervatDb) {
  return {
    list: async (): Promise<CaseloadRow[]> => {
      // One read-only transaction for all eight tables (one consistent snapshot), decrypted
      // after it with many AES-GCM calls at once (crypto/bulk-read.ts).
      const [dossiers, employees, employers, periods, leaves, marks, documents, signatures] =
        await readTables(db, [
          'dossiers',
          'employees',
          'employers',
          'sickPeriods',
          'leaves',
          'milestoneMarks',
          'documents',
          'documentSignatures',
        ])
      const employeeById = new Map(employees.map((e) => [e.id, e]))
      const employerById = new Map(employers.map((e) => [e.id, e]))
      const periodsBy = groupBy(periods)
      const leavesBy = groupBy(leaves)
      const marksBy = groupBy(marks)
      const documentsBy = groupBy(documents)
      const signaturesBy = groupBy(signatures)
      const rows: CaseloadRow[] = []
      for (const d of dossiers) {
        const employee = employeeById.get(d.employeeId)
        const employer = employerById.get(d.employerId)
        if (!employee || !employer) continue
        const sp = (periodsBy.get(d.id) ?? []).sort((a, b) => (a.start < b.start ? -1 : 1))
        const name = employeeFullName(employee)
        rows.push({
          dossierId: d.id,
          employeeId: employee.id,
          employeeName: name,
          bsn: employee.bsn,
          employerId: employer.id,
          employerName: employer.name,
          policyProfile: employer.policyProfile,
          status: d.status,
          casemanager: d.casemanager,
          firstSickDay: sp[0]?.start,
          openSickPeriod: sp.some((p) => !p.end),
          sickPeriods: sp.map((p) => ({
            start: p.start,
            end: p.end,
            reportedToEmployerOn: p.reportedToEmployerOn,
            reportedToArbodienstOn: p.reportedToArbodienstOn,
          })),
          leaves: (leavesBy.get(d.id) ?? []).map((l) => ({
            start: l.start,
            end: l.end,
            sameCauseAroundLeave: l.sameCauseAroundLeave,
            ...(l.expectedDeliveryDate ? { expectedDeliveryDate: l.expectedDeliveryDate } : {}),
          })),
          marks: (marksBy.get(d.id) ?? []).map((m) => ({
            key: m.key,
            state: m.state,
            date: m.date,
            motivation: m.motivation,
          })),
          documents: storedDocumentFacts(documentsBy.get(d.id) ?? [], signaturesBy.get(d.id) ?? []),
          ...(employee.employmentEnd ? { employmentEnd: employee.employmentEnd } : {}),
          ...(d.loonsanctieDecisionOn ? { loonsanctieDecisionOn: d.loonsanctieDecisionOn } : {}),
          safetyNet: d.safetyNet,
          ...(d.longTermExpectedOn ? { longTermExpectedOn: d.longTermExpectedOn } : {}),
          ...(d.voluntaryExtensionWeeks
            ? {
                voluntaryExtensionWeeks: d.voluntaryExtensionWeeks,
                voluntaryExtensionRequestedOn: d.voluntaryExtensionRequestedOn,
              }
            : {}),
          updatedAt: d.updatedAt,
          searchText: foldForSearch(`${name} ${employer.name} ${employee.bsn}`),
        })
      }
      // Unsorted: the caseload screen orders rows by urgency (and name within the same urgency).
      return rows
    },
  }
}
