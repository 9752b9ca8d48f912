import {
  dossierTimeline,
  urgencyOf,
  type DossierTimeline,
  type Urgency,
} from '../../../shared/rules/dossier-timeline'
import type { IsoDate } from '../../../shared/kernel/iso-date'
import { dutchCollator } from '../../../shared/kernel/text'
import type { CaseloadRow } from '../../storage'

export type RankedRow = CaseloadRow & {
  readonly timeline?: DossierTimeline
  readonly urgency: Urgency
}

/** Adds each dossier's deadlines and urgency, and sorts: overdue first, then due in 7 and 14 days. */
export function rankCaseload(
  rows: readonly CaseloadRow[],
  today: IsoDate,
  dueSoonDays = 14,
): RankedRow[] {
  const ranked = rows.map((row): RankedRow => {
    const timeline = dossierTimeline({
      today,
      profile: row.policyProfile,
      sickPeriods: row.sickPeriods,
      leaves: row.leaves,
      marks: row.marks,
      documents: row.documents,
      employmentEnd: row.employmentEnd,
      loonsanctieDecisionOn: row.loonsanctieDecisionOn,
      safetyNet: row.safetyNet,
      longTermExpectedOn: row.longTermExpectedOn,
      voluntaryExtensionWeeks: row.voluntaryExtensionWeeks,
      voluntaryExtensionRequestedOn: row.voluntaryExtensionRequestedOn,
      dueSoonDays,
    })
    return { ...row, timeline, urgency: urgencyOf(timeline, today) }
  })
  return ranked.sort(
    (a, b) =>
      a.urgency.rank - b.urgency.rank ||
      (a.urgency.next?.due ?? '9999').localeCompare(b.urgency.next?.due ?? '9999') ||
      dutchCollator.compare(a.employeeName, b.employeeName),
  )
}

export type UrgencyCounts = { overdue: number; within7: number; within14: number }

export function countUrgency(rows: readonly RankedRow[]): UrgencyCounts {
  const c = { overdue: 0, within7: 0, within14: 0 }
  for (const r of rows) {
    if (r.urgency.rank === 0) c.overdue++
    else if (r.urgency.rank === 1) c.within7++
    else if (r.urgency.rank === 2) c.within14++
  }
  return c
}
