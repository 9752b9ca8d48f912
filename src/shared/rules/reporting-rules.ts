import type { PolicyProfileId } from '../domain/policy-profile'
import { formatDutchDate, fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import type { DaySpan } from './clock'
import type { Draft } from './dossier-extras'
import type { DataWarning, SafetyNet, VoluntaryExtensionInput } from './dossier-input'
import type { Milestone } from './dossier-types'
import {
  DAYS_PER_WEEK,
  dueUnderLaw,
  nthUnderLaw,
  param,
  paramOn,
  type ParameterTable,
} from './parameters'
import { policyProfile, valueOn } from './profiles'
import type { CaseClock } from './timeline'

/**
 * The reporting terms and warnings that depend on the few non-medical facts of domain §5.5:
 * - the ZW report of a safety-net (vangnet) case within six weeks (ZW 38a lid 3; §3.6), driven
 *   only by *whether* a safety-net provision applies (`safetyNet`, never which one, §5.2 item 4);
 * - the ZW report by the 4th sick day when sick in the flexible period before the pregnancy
 *   leave (ZW 38a lid 2; §3.3), driven by the leave's expected delivery date (WAZO leave
 *   administration, not a health fact);
 * - the ZW report by the 4th sick day when sick directly after the leave and a safety-net
 *   provision applies (ZW 29a lid 4, 38a lid 2; §3.3);
 * - T18, the voluntary extension of wage payment (WIA 24; §2.18), once one is agreed;
 * - ASR-T1, the Ontzorgmanager from the second sick week when long-term absence threatens
 *   (seed 002; §6.2);
 * - the week-81 warning for a late 42-week report (WIA 64 lid 6; §2.8).
 */
export type ReportingFacts = {
  readonly profile: PolicyProfileId
  readonly clock: CaseClock
  readonly table: ParameterTable
  readonly safetyNet: SafetyNet | undefined
  readonly leaves: readonly {
    readonly start: IsoDate
    readonly end: IsoDate
    readonly expectedDeliveryDate?: IsoDate | undefined
  }[]
  readonly longTermExpectedOn: IsoDate | undefined
  readonly voluntaryExtension: VoluntaryExtensionInput | undefined
}

/** A day as the casemanager reads it: dd-mm-jjjj. */
const nl = (day: number) => formatDutchDate(fromEpochDay(day))

const ongoingAt = (clock: CaseClock, day: number) =>
  clock.caseEnd === undefined || day <= clock.caseEnd

/** The first sick day of the case in [from, to] (epoch days) that has already come; or undefined. */
function firstSickDayIn(periods: readonly DaySpan[], from: number, to: number, today: number) {
  for (const p of periods) {
    const s = p.start > from ? p.start : from
    const end = p.end ?? today
    const e = end < to ? end : to
    if (s <= e && s <= today) return s
  }
  return undefined
}

/** The n-th calendar day from `first` (day 1) under the version in force on that day. */
const nthCalendarDay = (
  table: ParameterTable,
  key: 'zwVangnetReportDay' | 'zwPregnancyReportDay',
  first: number,
) => dueUnderLaw(table, key, (v) => first + v - 1)

export function reportingDrafts(f: ReportingFacts): { drafts: Draft[]; warnings: DataWarning[] } {
  const { clock, table } = f
  const drafts: Draft[] = []
  const warnings: DataWarning[] = []

  // ZW 38a lid 3 — vangnet: report to UWV within six weeks after D.
  if (f.safetyNet === 'ja')
    drafts.push({
      key: 'melding-uwv-vangnet',
      due: nthCalendarDay(table, 'zwVangnetReportDay', clock.d),
      applicable: true,
      note: 'Geldt voor elke vangnetregeling; welke dat is, legt Hervat niet vast. Voor de compensatieregeling (ZW 29d) is de termijn later (de 4e dag na 13 weken ziekte): hier staat de vroegste.',
    })

  // ZW 38a lid 2 — sick in the flexible period (6 to 4 weeks before the day after the expected
  // delivery date) before the leave began: report by the 4th sick day. After the leave, with a
  // safety-net provision (ZW 29a lid 4): report by the 4th sick day after the leave.
  let flex: Draft | undefined
  let afterLeave: Draft | undefined
  const gap = param('chainGapDays')
  for (const l of f.leaves) {
    const start = toEpochDay(l.start)
    const end = toEpochDay(l.end)
    if (end < start) continue
    if (l.expectedDeliveryDate) {
      const dayAfter = toEpochDay(l.expectedDeliveryDate) + 1
      const from = dayAfter - paramOn('zwFlexPeriodFromDaysBefore', l.expectedDeliveryDate, table)
      const until =
        dayAfter - paramOn('zwFlexPeriodUntilDaysBefore', l.expectedDeliveryDate, table) - 1
      const first = firstSickDayIn(clock.periods, from, Math.min(until, start - 1), clock.today)
      const due =
        first === undefined ? undefined : nthCalendarDay(table, 'zwPregnancyReportDay', first)
      // With several leaves, the most recent pregnancy counts.
      if (first !== undefined && due !== undefined && (!flex || due > flex.due))
        flex = {
          key: 'melding-uwv-flexperiode',
          due,
          applicable: true,
          note: `Ziek vanaf ${nl(first)}, in de flexibele periode vóór het zwangerschapsverlof (${nl(from)} t/m ${nl(until)}, gerekend vanaf de vermoedelijke bevallingsdatum). Bij een meerling begint die periode eerder (10 tot 8 weken); dat legt Hervat niet vast.`,
        }
    }
    const after = firstSickDayIn(clock.periods, end + 1, end + gap, clock.today)
    if (after === undefined) continue
    if (f.safetyNet === 'ja') {
      const due = nthCalendarDay(table, 'zwPregnancyReportDay', after)
      if (!afterLeave || due > afterLeave.due)
        afterLeave = {
          key: 'melding-uwv-na-verlof',
          due,
          applicable: true,
          note: `Ziek direct na het verlof (vanaf ${nl(after)}) en een vangnetregeling geldt. Geldt de Ziektewet-regeling na de bevalling (art. 29a lid 4) niet, volgens de bedrijfsarts? Markeer dan als vervallen; de vangnetmelding binnen zes weken blijft staan.`,
        }
    } else if (f.safetyNet !== 'nee')
      warnings.push({
        field: 'safetyNet',
        message: `Ziek direct na het zwangerschaps- en bevallingsverlof (vanaf ${nl(after)}): vraag na of een vangnetregeling geldt. Zo ja, meld de ziekte dan uiterlijk op de 4e ziektedag bij UWV (Ziektewet art. 38a).`,
      })
  }
  if (flex) drafts.push(flex)
  if (afterLeave) drafts.push(afterLeave)

  // T18 — vrijwillige verlenging (WIA 24; UWV: at least 13 weeks; request preferably before
  // the WIA application). Not possible with a ZW benefit (WIA 24 lid 1 sub a).
  const ext = f.voluntaryExtension
  if (ext) {
    const lastWage = nthUnderLaw(table, 'lastWageDay', clock)
    const extEnd = lastWage + ext.weeks * DAYS_PER_WEEK
    const due = nthUnderLaw(table, 'wiaAanvraagDay', clock)
    const wiaBefore = table.lastWageDay.value - table.wiaAanvraagDay.value
    const rivBefore = table.lastWageDay.value - table.reintegratieverslagDay.value
    const requested = ext.requestedOn ? toEpochDay(ext.requestedOn) : undefined
    const draft: { -readonly [K in keyof Draft]: Draft[K] } = {
      key: 'vrijwillige-verlenging',
      due,
      applicable: f.safetyNet !== 'ja' && ongoingAt(clock, due),
      note: `Verlengd met ${ext.weeks} weken: loondoorbetaling tot en met ${nl(extEnd)}. De WIA-aanvraag is dan uiterlijk ${nl(extEnd - wiaBefore)} en het re-integratieverslag uiterlijk ${nl(extEnd - rivBefore)} (WIA art. 64 lid 3, art. 25 lid 4). Geen opzegging tijdens de verlenging (BW 7:670 lid 11).`,
    }
    if (requested !== undefined && requested >= clock.d) draft.doneOn = requested
    drafts.push(draft)
    if (ext.weeks < param('voluntaryExtensionMinWeeks'))
      warnings.push({
        field: 'voluntaryExtensionWeeks',
        message: `Een vrijwillige verlenging duurt minimaal ${param('voluntaryExtensionMinWeeks')} weken (UWV); vastgelegd: ${ext.weeks}.`,
      })
    if (f.safetyNet === 'ja')
      warnings.push({
        field: 'voluntaryExtensionWeeks',
        message:
          'Vrijwillige verlenging is niet mogelijk zolang de werknemer een Ziektewet-uitkering krijgt (vangnet; WIA art. 24 lid 1 sub a).',
      })
  }

  // ASR-T1 — the Ontzorgmanager from the second sick week when long-term absence threatens,
  // where the profile deploys one (seed 002; the module of seed 000 belongs to it).
  const ontzorgFrom = valueOn(policyProfile(f.profile).ontzorgmanagerFromDays, clock.d)
  if (ontzorgFrom !== null && f.longTermExpectedOn) {
    const signalled = toEpochDay(f.longTermExpectedOn)
    const due = Math.max(clock.d + ontzorgFrom, signalled)
    drafts.push({ key: 'ontzorgmanager-inzetten', due, applicable: ongoingAt(clock, due) })
  }
  return { drafts, warnings }
}

/**
 * WIA 64 lid 6 — when the 42-week report is late, it must still be made before the waiting time
 * lasted 81 weeks, or the employee loses the extra term for the WIA application after a late
 * UWV letter (and a late application extends the wage payment, BW 7:629 lid 11 sub a). Shown
 * only when the 42-week report is overdue or was done late.
 */
export function week81(
  clock: CaseClock,
  table: ParameterTable,
  report42: Milestone,
): { draft?: Draft; warning?: DataWarning } {
  if (report42.status !== 'overdue' && report42.status !== 'done-late') return {}
  const due = nthUnderLaw(table, 'melding42Before81WeeksDay', clock, -1)
  const draft: { -readonly [K in keyof Draft]: Draft[K] } = {
    key: 'melding-uwv-42-week-81',
    due,
    applicable: ongoingAt(clock, due),
    note: `De 42e-weeksmelding was uiterlijk ${formatDutchDate(report42.due)}. Doe haar in elk geval vóór week 81, anders vervalt de extra termijn voor de WIA-aanvraag als de UWV-brief te laat komt.`,
  }
  if (report42.doneOn) draft.doneOn = toEpochDay(report42.doneOn)
  if (report42.status === 'done-late' || !draft.applicable) return { draft }
  const dueNl = nl(due)
  return {
    draft,
    warning: {
      field: 'melding-uwv-42',
      message:
        clock.today <= due
          ? `42e-weeksmelding te laat (uiterlijk ${formatDutchDate(report42.due)}): meld uiterlijk ${dueNl}, vóór week 81, om de extra termijn voor de WIA-aanvraag te behouden (WIA art. 64 lid 6).`
          : `42e-weeksmelding niet gedaan vóór week 81 (${dueNl}): de extra termijn voor de WIA-aanvraag bij een late UWV-brief is vervallen (WIA art. 64 lid 6).`,
    },
  }
}
