import type { PolicyProfileId } from '../domain/policy-profile'
import { formatDutchDate, fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import type { DaySpan, LeaveSpan } from './clock'
import type { DocumentFact } from './document-steps'
import type { ParameterTable } from './parameters'

/**
 * What the dossier timeline needs, as a plain object (issue: "Input: a plain object"). The app
 * adapts its stored records with `dossierTimelineFromRecords` (dossier-timeline.ts); tests and
 * the server can build this directly.
 */
export type MarkInput = {
  readonly key: string
  readonly state: 'done' | 'waived'
  readonly date: IsoDate
  /**
   * Required for `waived` (Regeling procesgang art. 5: a motivated deviation); for `done` of a
   * step that has a document, why it was done without one.
   */
  readonly motivation?: string
}

export type AppointmentInput = {
  readonly id?: string
  /** Local date-time `YYYY-MM-DDTHH:mm`. */
  readonly startsAt: string
  readonly cancelledAt?: string
}

export type InterventionInput = {
  readonly id?: string
  readonly kind?: string
  readonly provider?: string
  readonly quotedCostEuros?: number
  readonly requestedOn?: IsoDate
}

export type DossierTimelineInput = {
  readonly today: IsoDate
  readonly profile: PolicyProfileId
  /** Sick periods; sorted by start here if they are not. Partial recovery is not an end. */
  readonly sickPeriods: readonly { readonly start: IsoDate; readonly end?: IsoDate | null }[]
  readonly leaves?: readonly {
    readonly start: IsoDate
    readonly end: IsoDate
    /** Same cause of sickness before and after the leave (default true). */
    readonly sameCauseAroundLeave?: boolean
    /**
     * Vermoedelijke bevallingsdatum, as on the WAZO leave application (leave administration,
     * not a health fact): it fixes the flexible period of ZW 38a lid 2 (domain §3.3).
     */
    readonly expectedDeliveryDate?: IsoDate | undefined
  }[]
  /** When the employee reported sick to the employer; default: the case's first sick day. */
  readonly reportedByEmployee?: IsoDate
  readonly marks: readonly MarkInput[]
  /**
   * The dossier's documents as facts: a document fulfils its step beside (and before) a manual
   * mark (docs/adr/0010; document-steps.ts).
   */
  readonly documents?: readonly DocumentFact[]
  /** A deadline within this many days is `due-soon` (default 14). */
  readonly dueSoonDays?: number
  readonly appointments?: readonly AppointmentInput[]
  readonly interventions?: readonly InterventionInput[]
  /** Last day of employment, when it ends (ziek uit dienst, ZW 38 lid 2). */
  readonly employmentEnd?: IsoDate
  /** Date of a UWV loonsanctie decision, if one was imposed. */
  readonly loonsanctieDecisionOn?: IsoDate
  /** Start of the insurer's module (AMF-T4 / RIM-T3: only sickness from that date is covered). */
  readonly moduleStartDate?: IsoDate
  /** Whether a ZW safety-net provision applies — never which one (domain §5.2 item 4, §5.5). */
  readonly safetyNet?: SafetyNet
  /** Since when long-term absence is expected (the expected duration, domain §5.2 item 2). */
  readonly longTermExpectedOn?: IsoDate
  /** An agreed voluntary extension of wage payment (T18, WIA 24). */
  readonly voluntaryExtension?: VoluntaryExtensionInput
  /** The parameter table (default `PARAMETERS`); each deadline uses the version in force on its due day. */
  readonly parameters?: ParameterTable
}

export type SafetyNet = 'ja' | 'nee' | 'onbekend'

export type VoluntaryExtensionInput = {
  /** Length of the extension in weeks (UWV: at least 13). */
  readonly weeks: number
  /** When employer and employee requested it from UWV. */
  readonly requestedOn?: IsoDate | undefined
}

/** A note about dossier data the rules had to interpret; shown to the casemanager. */
export type DataWarning = { readonly field: string; readonly message: string }

export type NormalizedPeriods = {
  readonly periods: DaySpan[]
  readonly leaves: LeaveSpan[]
  readonly warnings: DataWarning[]
}

/**
 * Stored dossiers are validated record by record, not as a whole, so the rule core repairs
 * what it must and says so, always towards the earlier (safer) deadline:
 * - periods are sorted by start; a period that overlaps the next is merged with it;
 * - a period without an end that is followed by another counts as sickness until the next one
 *   starts (continuous sickness: more counted days, never a later deadline);
 * - an end after today is not yet a recovery (a recovery is registered when it has happened).
 */
export function normalizePeriods(input: DossierTimelineInput): NormalizedPeriods {
  const today = toEpochDay(input.today)
  const warnings: DataWarning[] = []
  const src = input.sickPeriods
  const starts: number[] = []
  let sorted = true
  for (let i = 0; i < src.length; i++) {
    starts.push(toEpochDay((src[i] as { start: IsoDate }).start))
    if (i > 0 && (starts[i - 1] as number) > (starts[i] as number)) sorted = false
  }
  const order = sorted ? undefined : starts.map((_, i) => i)
  order?.sort((a, b) => (starts[a] as number) - (starts[b] as number))
  const periods: DaySpan[] = []
  for (let k = 0; k < src.length; k++) {
    const i = order ? (order[k] as number) : k
    const p = src[i] as { start: IsoDate; end?: IsoDate | null }
    const start = starts[i] as number
    let end = p.end ? toEpochDay(p.end) : undefined
    if (end !== undefined && end > today) {
      warnings.push({
        field: `sickPeriods[${i}].end`,
        message: `Hersteldatum ${formatDutchDate(fromEpochDay(end))} ligt na vandaag: nog niet meegeteld als herstel.`,
      })
      end = undefined
    }
    if (end !== undefined && end < start) {
      warnings.push({
        field: `sickPeriods[${i}].end`,
        message: `Laatste ziektedag ${formatDutchDate(fromEpochDay(end))} ligt voor de eerste ziektedag: genegeerd.`,
      })
      end = undefined
    }
    const prev = periods[periods.length - 1]
    if (prev && (prev.end === undefined || prev.end >= start)) {
      warnings.push({
        field: `sickPeriods[${i}].start`,
        message:
          prev.end === undefined
            ? `Een eerdere ziekteperiode heeft geen einddatum: doorlopend ziek gerekend tot ${formatDutchDate(p.start)}.`
            : `Ziekteperiode vanaf ${formatDutchDate(p.start)} overlapt de vorige: samengevoegd.`,
      })
      periods[periods.length - 1] = {
        start: prev.start,
        end: end === undefined ? undefined : Math.max(end, prev.end ?? end),
      }
      continue
    }
    periods.push({ start, end })
  }
  const leaves: LeaveSpan[] = []
  const srcLeaves = input.leaves ?? []
  for (let i = 0; i < srcLeaves.length; i++) {
    const l = srcLeaves[i] as NonNullable<DossierTimelineInput['leaves']>[number]
    const s = toEpochDay(l.start)
    const e = toEpochDay(l.end)
    if (e < s) {
      warnings.push({
        field: `leaves[${i}].end`,
        message: 'Verlof eindigt voor het begint: genegeerd.',
      })
    } else leaves.push({ start: s, end: e, sameCause: l.sameCauseAroundLeave !== false })
  }
  return { periods, leaves, warnings }
}
