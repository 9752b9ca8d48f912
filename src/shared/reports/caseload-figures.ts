import type { IsoDate } from '../kernel/iso-date'
import type { ReportPeriod } from './absence'

/**
 * Caseload figures for a teamleider and a werkgever, computed from the rule core's own output
 * (nothing here computes a deadline): per casemanager the dossiers in their care, the steps done
 * in the period on time and late, and what is overdue today; per werkgever the cases by phase of
 * the 104 weeks.
 */

type StepFacts = {
  readonly status: string
  readonly doneOn?: IsoDate
  /** `event` steps (e.g. the end of the 104 weeks) happen by themselves and are not counted. */
  readonly kind?: string
}

export type CaseloadDossier = {
  readonly dossierId: string
  readonly casemanagerId: string
  readonly employerId: string
  /** `actief` dossiers are in care; others are counted as closed. */
  readonly active: boolean
  readonly sickWeek: number
  readonly caseEnded: boolean
  readonly steps: readonly StepFacts[]
  /** Warnings of the rule core about the dossier's data (missing or inconsistent facts). */
  readonly dataWarnings: number
}

export type CasemanagerFigures = {
  readonly casemanagerId: string
  readonly activeDossiers: number
  readonly stepsDoneOnTime: number
  readonly stepsDoneLate: number
  /** Share of the steps done in the period that were on time, in percent; null when none. */
  readonly onTimePercentage: number | null
  readonly overdueSteps: number
  readonly dossiersWithOverdue: number
  readonly dataWarnings: number
}

function inPeriod(date: IsoDate | undefined, period: ReportPeriod): boolean {
  return date !== undefined && date >= period.from && date <= period.to
}

export function casemanagerFigures(
  dossiers: readonly CaseloadDossier[],
  period: ReportPeriod,
): CasemanagerFigures[] {
  const byCasemanager = new Map<string, CaseloadDossier[]>()
  for (const d of dossiers) {
    const list = byCasemanager.get(d.casemanagerId)
    if (list) list.push(d)
    else byCasemanager.set(d.casemanagerId, [d])
  }
  const result: CasemanagerFigures[] = []
  for (const [casemanagerId, list] of byCasemanager) {
    let activeDossiers = 0
    let onTime = 0
    let late = 0
    let overdue = 0
    let dossiersWithOverdue = 0
    let dataWarnings = 0
    for (const d of list) {
      if (d.active) activeDossiers++
      let overdueHere = 0
      for (const s of d.steps) {
        if (s.kind === 'event') continue
        if (s.status === 'done' && inPeriod(s.doneOn, period)) onTime++
        else if (s.status === 'done-late' && inPeriod(s.doneOn, period)) late++
        else if (d.active && s.status === 'overdue') overdueHere++
      }
      overdue += overdueHere
      if (overdueHere > 0) dossiersWithOverdue++
      if (d.active) dataWarnings += d.dataWarnings
    }
    result.push({
      casemanagerId,
      activeDossiers,
      stepsDoneOnTime: onTime,
      stepsDoneLate: late,
      onTimePercentage: onTime + late > 0 ? (onTime / (onTime + late)) * 100 : null,
      overdueSteps: overdue,
      dossiersWithOverdue,
      dataWarnings,
    })
  }
  return result.sort((a, b) => (a.casemanagerId < b.casemanagerId ? -1 : 1))
}

/**
 * Phases of the two sick years by the week of the counted-day clock (domain §2.0): the first six
 * weeks up to the probleemanalyse, the plan (weeks 7–8), the first year's guidance up to the
 * 42-week report, the eerstejaarsevaluatie (weeks 43–52), the second year up to the
 * re-integratieverslag (weeks 53–91), the WIA application (weeks 92–104), and beyond 104 weeks
 * (a loonsanctie or voluntary extension).
 */
export const PHASES = [
  { key: 'week-1-6', label: 'Week 1–6: ziekmelding en probleemanalyse', lastWeek: 6 },
  { key: 'week-7-8', label: 'Week 7–8: plan van aanpak', lastWeek: 8 },
  { key: 'week-9-42', label: 'Week 9–42: re-integratie eerste jaar', lastWeek: 42 },
  { key: 'week-43-52', label: 'Week 43–52: eerstejaarsevaluatie', lastWeek: 52 },
  { key: 'week-53-91', label: 'Week 53–91: tweede ziektejaar', lastWeek: 91 },
  { key: 'week-92-104', label: 'Week 92–104: WIA-aanvraag', lastWeek: 104 },
  { key: 'na-104', label: 'Na week 104', lastWeek: Number.POSITIVE_INFINITY },
] as const
export type PhaseKey = (typeof PHASES)[number]['key']

export function phaseOfWeek(sickWeek: number): PhaseKey {
  for (const p of PHASES) if (sickWeek <= p.lastWeek) return p.key
  return 'na-104'
}

export type EmployerPhaseFigures = {
  readonly employerId: string
  /** Active dossiers whose case still runs, by phase. */
  readonly byPhase: Readonly<Record<PhaseKey, number>>
  readonly activeCases: number
  readonly overdueSteps: number
}

export function employerPhaseFigures(dossiers: readonly CaseloadDossier[]): EmployerPhaseFigures[] {
  const byEmployer = new Map<string, CaseloadDossier[]>()
  for (const d of dossiers) {
    const list = byEmployer.get(d.employerId)
    if (list) list.push(d)
    else byEmployer.set(d.employerId, [d])
  }
  const result: EmployerPhaseFigures[] = []
  for (const [employerId, list] of byEmployer) {
    const byPhase = Object.fromEntries(PHASES.map((p) => [p.key, 0])) as Record<PhaseKey, number>
    let activeCases = 0
    let overdueSteps = 0
    for (const d of list) {
      if (!d.active || d.caseEnded) continue
      activeCases++
      byPhase[phaseOfWeek(d.sickWeek)]++
      overdueSteps += d.steps.filter((s) => s.kind !== 'event' && s.status === 'overdue').length
    }
    result.push({ employerId, byPhase, activeCases, overdueSteps })
  }
  return result.sort((a, b) => (a.employerId < b.employerId ? -1 : 1))
}
