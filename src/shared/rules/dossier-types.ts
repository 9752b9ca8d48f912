import type { IsoDate } from '../kernel/iso-date'
import type { DataWarning } from './dossier-input'
import type { Poortwachtergarantie } from './guarantee'
import type { GuaranteeResult } from './guarantee-evaluation'
import type { LegalClocks } from './legal-clocks'
import type { MilestoneKey, MilestoneKind, Severity } from './milestones'
import type { GuaranteeStatus } from './timeline'

/**
 * The dossier's deadlines as the app shows them (issue 3): the seven contract deadlines — same
 * dates, same statuses, refined with `due-soon` and `waived` — plus the other steps of domain
 * §2 (T06, T10–T12, T16, T17, T20) and the policy-profile steps of §6, each with its Dutch
 * label, week, severity and source text.
 */
export type MilestoneStatus =
  'open' | 'due-soon' | 'overdue' | 'done' | 'done-late' | 'not-applicable' | 'waived'

export type Milestone = {
  readonly key: MilestoneKey
  readonly label: string
  readonly due: IsoDate
  /** Start of the window in which the step is expected (eerstejaarsevaluatie: week 46). */
  readonly windowStart?: IsoDate
  /** Sick week of the due date on the case's counted-day clock (projected beyond the last period). */
  readonly week: number
  readonly status: MilestoneStatus
  readonly severity: Severity
  /** `action`: someone must do it; `event`: it happens (never overdue). */
  readonly kind: MilestoneKind
  /** Number in domain §2.0 (T02–T20) or the seed rule id. */
  readonly code: string
  readonly source: string
  readonly doneOn?: IsoDate
  /** Waived: the motivation; done by hand without its document: the mark's motivation. */
  readonly motivation?: string
  /** The document version that fulfilled the step (docs/adr/0010). */
  readonly documentId?: string
  /** Marked done by hand while the step has a document and none fulfils it. */
  readonly withoutDocument?: boolean
  /** Case-specific remark (e.g. whether a re-integratieverslag is needed at ziek uit dienst). */
  readonly note?: string
}

export type AppointmentFacts = {
  readonly id?: string
  readonly startsAt: string
  /** Cancelled less than 24 hours ahead: a no-show the arbodienst may charge (§6.5). */
  readonly lateCancellation: boolean
}

export type InterventionFacts = {
  readonly id?: string
  readonly kind?: string
  readonly provider?: string
  readonly quotedCostEuros?: number
  /** INT-2: weeks of wage continuation left today, beside the cost; the insurer judges. */
  readonly remainingWageWeeks?: number
  readonly wageContinuationLastDay: IsoDate
  /** AMF-T4 / RIM-T3: the sickness began on or after the module start (undefined: unknown). */
  readonly sicknessFromModuleStart?: boolean
}

export type DossierTimeline = {
  readonly firstSickDay: IsoDate
  readonly periodsInCase: number
  readonly countedSickDays: number
  readonly sickWeek: number
  /** nth(728), as in the contract (before sanctions, extensions or an end of employment). */
  readonly lastWageDay: IsoDate
  readonly caseEnded: boolean
  readonly poortwachtergarantie: GuaranteeStatus
  readonly guarantee: Poortwachtergarantie
  /**
   * The guarantee as contract version 2 states it: `at-risk` besides the three statuses above,
   * and every reason with the clause it rests on. It also reads the module start (sickness
   * before it: not applicable), which `poortwachtergarantie` and `guarantee` do not yet.
   */
  readonly contractGuarantee: GuaranteeResult
  /** Sorted by due date. */
  readonly milestones: readonly Milestone[]
  readonly clocks: LegalClocks
  readonly appointments: readonly AppointmentFacts[]
  readonly interventions: readonly InterventionFacts[]
  readonly warnings: readonly DataWarning[]
}
