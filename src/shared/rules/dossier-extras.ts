import type { PolicyProfileId } from '../domain/policy-profile'
import { formatDutchDate, fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import { lastWorkingDayOnOrBefore } from './holidays'
import type { MilestoneKey } from './milestones'
import { DAYS_PER_WEEK, nthUnderLaw, param, PARAMETERS, type ParameterTable } from './parameters'
import { arboTakeoverDay, sanctionNoticeDue, terugvalpreventieDue } from './profile-rules'
import type { CaseClock } from './timeline'

/**
 * The dossier's milestones beyond the seven of the contract (domain §2.0 T06, T10–T12, T16,
 * T17, T20 and the profile rules of §6), as drafts in epoch days. Whether one is done, waived,
 * overdue … is decided in one place (dossier-timeline.ts).
 */
export type Draft = {
  readonly key: MilestoneKey
  readonly due: number
  /** False: the case ended before it came due (rule 2 of the contract statuses). */
  readonly applicable: boolean
  /** Recurring (periodic evaluation): earlier marks set the next due date, they do not complete it. */
  readonly recurring?: boolean
  readonly note?: string
  /** Done on this day by a fact other than a mark (e.g. the date a request was filed). */
  readonly doneOn?: number
}

/** Marks of this case (on or after D), per key: first done, last done, last motivated waiver. */
export type CaseMarks = ReadonlyMap<
  string,
  {
    readonly firstDone?: number
    readonly lastDone?: number
    /** The motivation of the mark that gave `firstDone` (done without a document). */
    readonly firstDoneMotivation?: string
    readonly waived?: { readonly date: number; readonly motivation: string }
  }
>

export type ExtraFacts = {
  readonly profile: PolicyProfileId
  readonly clock: CaseClock
  readonly marks: CaseMarks
  /** Done date of the plan van aanpak in this case (contract status done or done-late). */
  readonly planVanAanpakDone: number | undefined
  /** Done date of the eerstejaarsevaluatie in this case (document or mark). */
  readonly eerstejaarsevaluatieDone?: number | undefined
  /** The latest day an evaluation was held according to the documents. */
  readonly lastEvaluationHeld?: number | undefined
  /** The next evaluation moment the signed plan promises after the last one held. */
  readonly nextPromisedEvaluation?: number | undefined
  readonly employmentEnd?: IsoDate
  readonly loonsanctieDecisionOn?: IsoDate
  /** Weeks of an agreed voluntary extension (T18), shown with the end of the 104 weeks. */
  readonly voluntaryExtensionWeeks?: number
  readonly table?: ParameterTable
}

/** Parameter values used below, read once from the table (parameters.ts). */
const P = {
  evaluatieIntervalDays: param('evaluatieIntervalDays'),
  loonsanctieMaxDays: param('loonsanctieMaxDays'),
  spoor2DaysAfterEje: param('spoor2DaysAfterEje'),
  ziekUitDienstRivMinDays: param('ziekUitDienstRivMinDays'),
} as const

const ongoingAt = (clock: CaseClock, day: number) =>
  clock.caseEnd === undefined || day <= clock.caseEnd

/** All extra milestones that apply to the dossier, unsorted. */
export function extraMilestones(f: ExtraFacts): Draft[] {
  const { clock, profile } = f
  const table = f.table ?? PARAMETERS
  const out: Draft[] = []

  // T06 — periodic evaluation, every ≤ 42 days after the PvA or the last evaluation
  // (Regeling procesgang art. 4 lid 2 sub b, lid 4–5; UWV), or earlier when the signed plan
  // promises an evaluation moment before that (the plan's own rhythm). Only while the case runs.
  if (f.planVanAanpakDone !== undefined && clock.caseEnd === undefined) {
    const last = Math.max(
      f.planVanAanpakDone,
      f.marks.get('periodieke-evaluatie')?.lastDone ?? -Infinity,
      f.marks.get('eerstejaarsevaluatie')?.lastDone ?? -Infinity,
      f.eerstejaarsevaluatieDone ?? -Infinity,
      f.lastEvaluationHeld ?? -Infinity,
    )
    const promised = f.nextPromisedEvaluation
    const interval = last + P.evaluatieIntervalDays
    out.push({
      key: 'periodieke-evaluatie',
      due: promised !== undefined && promised > last ? Math.min(promised, interval) : interval,
      applicable: true,
      recurring: true,
    })
  }

  // T10 — spoor 2 decided at the eerstejaarsevaluatie; practice: started ≤ 6 weeks after it.
  const eje = f.eerstejaarsevaluatieDone ?? f.marks.get('eerstejaarsevaluatie')?.firstDone
  if (eje !== undefined) {
    const due = eje + P.spoor2DaysAfterEje
    out.push({ key: 'spoor-2-start', due, applicable: ongoingAt(clock, due) })
  }

  // T11, T12 — actueel oordeel before the eindevaluatie; UWV's WIA letter by week 89 (week 87
  // before the Verzamelwet SZW 2013: the version in force on the due day applies).
  const riv = nthUnderLaw(table, 'reintegratieverslagDay', clock)
  out.push({ key: 'actueel-oordeel', due: riv, applicable: ongoingAt(clock, riv) })
  const letter = nthUnderLaw(table, 'uwvWiaLetterDay', clock)
  out.push({ key: 'uwv-wia-brief', due: letter, applicable: ongoingAt(clock, letter) })

  // T16 — end of the 104 weeks (event); a voluntary extension (T18) moves the wage payment on.
  const lastWage = nthUnderLaw(table, 'lastWageDay', clock)
  const ext = f.voluntaryExtensionWeeks
  out.push({
    key: 'einde-loondoorbetaling',
    due: lastWage,
    applicable: ongoingAt(clock, lastWage),
    ...(ext
      ? {
          note: `Met de vrijwillige verlenging van ${ext} weken loopt de loondoorbetaling door tot en met ${formatDutchDate(fromEpochDay(lastWage + ext * DAYS_PER_WEEK))} (BW 7:629 lid 11 sub b).`,
        }
      : {}),
  })

  // T17 — the latest possible end of a loonsanctie (event), once one is registered.
  if (f.loonsanctieDecisionOn && toEpochDay(f.loonsanctieDecisionOn) >= clock.d) {
    out.push({
      key: 'einde-loonsanctie',
      due: lastWage + P.loonsanctieMaxDays,
      applicable: true,
    })
    // PG-GOU-4 — the insurer must hear of the sanction within its term (De Goudse: five
    // working days); profiles without a term have no such step.
    const notice = sanctionNoticeDue(profile, f.loonsanctieDecisionOn)
    if (notice)
      out.push({ key: 'melding-loonsanctie-goudse', due: toEpochDay(notice), applicable: true })
  }

  // T20 — ziek uit dienst: report to UWV on the last working day (ZW 38 lid 2), with a
  // re-integratieverslag when the sickness lasted six weeks or more by then.
  if (f.employmentEnd) {
    const end = toEpochDay(f.employmentEnd)
    if (end >= clock.d && ongoingAt(clock, end)) {
      const due = toEpochDay(lastWorkingDayOnOrBefore(f.employmentEnd))
      out.push({
        key: 'ziek-uit-dienst',
        due,
        applicable: true,
        note:
          due - clock.d >= P.ziekUitDienstRivMinDays
            ? 'Zes weken of langer ziek: ook het re-integratieverslag uiterlijk op de laatste werkdag.'
            : 'Korter dan zes weken ziek: alleen de ziekmelding bij UWV.',
      })
    }
  }

  // GOU-T1 — the arbo provider takes over (De Goudse: the arbo- en verzuimbegeleider from
  // week 5), where the profile has such a moment (event).
  const takeover = arboTakeoverDay(profile, clock.d)
  if (takeover !== undefined)
    out.push({
      key: 'overdracht-arbo-goudse',
      due: takeover,
      applicable: ongoingAt(clock, takeover),
    })

  // ASR-T2 — terugvalpreventie after a long absence, six months after full recovery, where
  // the profile offers it.
  if (clock.caseEnd !== undefined) {
    const due = terugvalpreventieDue(profile, fromEpochDay(clock.d), fromEpochDay(clock.caseEnd))
    if (due) out.push({ key: 'terugvalpreventie', due: toEpochDay(due), applicable: true })
  }
  return out
}
