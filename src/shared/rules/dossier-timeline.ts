import type { PolicyProfileId } from '../domain/policy-profile'
import type { IsoDate } from '../kernel/iso-date'
import { toEpochDay } from '../kernel/iso-date'
import type { DocumentFact } from './document-steps'
import { computeDossierTimeline, prepareDossier, type DossierTimeline } from './dossier-compute'
import type {
  AppointmentInput,
  DossierTimelineInput,
  InterventionInput,
  MarkInput,
} from './dossier-input'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The app's entry to the dossier timeline. `computeDossierTimeline` takes a plain object;
 * `dossierTimelineFromRecords` (alias `dossierTimeline`) takes the stored record types of
 * src/shared/domain/entities.ts as they come out of storage.
 */
export {
  computeDossierTimeline,
  prepareDossier,
  type PreparedDossier,
  type AppointmentFacts,
  type DossierTimeline,
  type InterventionFacts,
  type Milestone,
  type MilestoneStatus,
} from './dossier-compute'
export type {
  AppointmentInput,
  DataWarning,
  DossierTimelineInput,
  InterventionInput,
  MarkInput,
} from './dossier-input'
export type { DocumentFact, DocumentSignatureFact } from './document-steps'
export { caseloadUrgency, urgencyOf, type CaseloadUrgency, type Urgency } from './urgency'

/**
 * The stored records a dossier timeline is computed from (structurally the `SickPeriod`,
 * `Leave`, `MilestoneMark`, `Appointment` and `Intervention` records of entities.ts, plus the
 * employer's profile and module start, the employee's employment end and the dossier's
 * loonsanctie decision).
 */
export type DossierRecords = {
  readonly today: IsoDate
  readonly profile: PolicyProfileId
  readonly sickPeriods: readonly {
    readonly start: IsoDate
    readonly end?: IsoDate | undefined
    readonly reportedToEmployerOn?: IsoDate | undefined
    readonly reportedToArbodienstOn?: IsoDate | undefined
  }[]
  readonly leaves: readonly {
    readonly start: IsoDate
    readonly end: IsoDate
    readonly sameCauseAroundLeave: boolean
    readonly expectedDeliveryDate?: IsoDate | undefined
  }[]
  readonly marks: readonly {
    readonly key: string
    readonly state: 'done' | 'waived'
    readonly date: IsoDate
    readonly motivation?: string | undefined
  }[]
  /** The dossier's documents as facts (src/shared/documents/document-facts.ts). */
  readonly documents?: readonly DocumentFact[]
  readonly appointments?: readonly {
    readonly id?: string
    readonly startsAt: string
    readonly cancelledAt?: string | undefined
  }[]
  readonly interventions?: readonly {
    readonly id?: string
    readonly kind?: string
    readonly provider?: string
    readonly quotedCostEuros?: number | undefined
    readonly requestedOn?: IsoDate | undefined
  }[]
  readonly employmentEnd?: IsoDate | undefined
  readonly loonsanctieDecisionOn?: IsoDate | undefined
  readonly moduleStartDate?: IsoDate | undefined
  readonly dueSoonDays?: number
  /** The dossier's non-medical facts (entities.ts `Dossier`). */
  readonly safetyNet?: 'ja' | 'nee' | 'onbekend' | undefined
  readonly longTermExpectedOn?: IsoDate | undefined
  readonly voluntaryExtensionWeeks?: number | undefined
  readonly voluntaryExtensionRequestedOn?: IsoDate | undefined
}

/** @deprecated name kept for existing callers; use `DossierRecords`. */
export type DossierFacts = DossierRecords

/**
 * Adapts stored records to the plain input: sick periods sorted by start;
 * `reportedByEmployee` = `reportedToEmployerOn` of the case's first period; `melding-arbodienst`
 * is done on that period's `reportedToArbodienstOn` when it is set (domain §2.2, T02).
 */
export function dossierTimelineFromRecords(r: DossierRecords): DossierTimeline | undefined {
  if (r.sickPeriods.length === 0) return undefined
  const input: Mutable<DossierTimelineInput> = {
    today: r.today,
    profile: r.profile,
    sickPeriods: r.sickPeriods,
    leaves: r.leaves,
    marks: r.marks as readonly MarkInput[],
  }
  if (r.documents?.length) input.documents = r.documents
  if (r.dueSoonDays !== undefined) input.dueSoonDays = r.dueSoonDays
  if (r.employmentEnd) input.employmentEnd = r.employmentEnd
  if (r.loonsanctieDecisionOn) input.loonsanctieDecisionOn = r.loonsanctieDecisionOn
  if (r.moduleStartDate) input.moduleStartDate = r.moduleStartDate
  if (r.appointments) input.appointments = r.appointments as readonly AppointmentInput[]
  if (r.interventions) input.interventions = r.interventions as readonly InterventionInput[]
  if (r.safetyNet) input.safetyNet = r.safetyNet
  if (r.longTermExpectedOn) input.longTermExpectedOn = r.longTermExpectedOn
  if (r.voluntaryExtensionWeeks)
    input.voluntaryExtension = {
      weeks: r.voluntaryExtensionWeeks,
      requestedOn: r.voluntaryExtensionRequestedOn,
    }
  const prepared = prepareDossier(input)
  if (!prepared) return undefined
  // The case's first period (after samentelling) carries the two report dates.
  const d = prepared.clock.d
  let first: DossierRecords['sickPeriods'][number] | undefined
  for (const p of r.sickPeriods) {
    if (toEpochDay(p.start) === d) {
      first = p
      break
    }
  }
  if (first?.reportedToEmployerOn) input.reportedByEmployee = first.reportedToEmployerOn
  if (first?.reportedToArbodienstOn)
    input.marks = [
      ...input.marks,
      { key: 'melding-arbodienst', state: 'done', date: first.reportedToArbodienstOn },
    ]
  return computeDossierTimeline(input, prepared)
}

/** Same as `dossierTimelineFromRecords` (the name the app already uses). */
export const dossierTimeline = dossierTimelineFromRecords
