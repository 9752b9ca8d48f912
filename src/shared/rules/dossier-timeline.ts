import type { PolicyProfileId } from '../domain/policy-profile'
import { addDays, fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import { countedDaysUntil, type DaySpan } from './clock'
import { MILESTONE_INFO, type MilestoneKey, type Severity } from './milestones'
import { param } from './parameters'
import { isWorkingDay } from './holidays'
import { goudseArboTakeover, goudseSanctionNoticeDue, terugvalpreventieDue } from './profile-rules'
import {
  caseClock,
  computeTimeline,
  DEADLINE_KEYS,
  type DeadlineKey,
  type GuaranteeStatus,
  type TimelineCase,
} from './timeline'

/**
 * The dossier's deadlines as the app shows them: the contract timeline plus what a casemanager
 * needs around it (due soon, waived with a motivation, week number, window, severity, source).
 */
export type MilestoneStatus =
  'open' | 'due-soon' | 'overdue' | 'done' | 'done-late' | 'not-applicable' | 'waived'

export type Milestone = {
  readonly key: MilestoneKey
  readonly label: string
  readonly due: IsoDate
  readonly windowStart?: IsoDate
  readonly week: number
  readonly status: MilestoneStatus
  readonly severity: Severity
  readonly source: string
  readonly doneOn?: IsoDate
  readonly motivation?: string
}

export type DossierFacts = {
  readonly today: IsoDate
  readonly profile: PolicyProfileId
  readonly sickPeriods: readonly {
    readonly start: IsoDate
    readonly end?: IsoDate
    readonly reportedToEmployerOn?: IsoDate
    readonly reportedToArbodienstOn?: IsoDate
  }[]
  readonly leaves: readonly {
    readonly start: IsoDate
    readonly end: IsoDate
    readonly sameCauseAroundLeave: boolean
  }[]
  readonly marks: readonly {
    readonly key: string
    readonly state: 'done' | 'waived'
    readonly date: IsoDate
    readonly motivation?: string
  }[]
  /** Date of a UWV loonsanctie decision, if any (De Goudse: report it within 5 working days). */
  readonly loonsanctieDecisionOn?: IsoDate
  /** The last day of employment, when it ends (ziek uit dienst, ZW 38 lid 2). */
  readonly employmentEnd?: IsoDate
  /** A deadline within this many days is `due-soon` (default 14). */
  readonly dueSoonDays?: number
}

export type DossierTimeline = {
  readonly firstSickDay: IsoDate
  readonly periodsInCase: number
  readonly countedSickDays: number
  readonly sickWeek: number
  readonly lastWageDay: IsoDate
  readonly caseEnded: boolean
  readonly poortwachtergarantie: GuaranteeStatus
  readonly milestones: readonly Milestone[]
}

/** Week of each deadline that sits on a fixed counted day (the n-th day lies in week ⌈n/7⌉). */
const FIXED_WEEK: Partial<Record<DeadlineKey, number>> = {
  'melding-arbodienst': 1,
  probleemanalyse: Math.ceil(param('probleemanalyseDay') / 7),
  'melding-uwv-42': Math.ceil((param('melding42Day') + 1) / 7),
  eerstejaarsevaluatie: Math.ceil(param('eerstejaarsevaluatieDay') / 7),
  're-integratieverslag': Math.ceil(param('reintegratieverslagDay') / 7),
  'wia-aanvraag': Math.ceil(param('wiaAanvraagDay') / 7),
}

function lastWorkingDayOnOrBefore(date: IsoDate): IsoDate {
  let d = date
  while (!isWorkingDay(d)) d = addDays(d, -1)
  return d
}

const isDeadline = (k: string): k is DeadlineKey => (DEADLINE_KEYS as readonly string[]).includes(k)

/** The timeline of a dossier from its stored facts; undefined when it has no sick period yet. */
export function dossierTimeline(facts: DossierFacts): DossierTimeline | undefined {
  if (facts.sickPeriods.length === 0) return undefined
  const sorted = facts.sickPeriods.every(
    (p, i, all) => i === 0 || (all[i - 1] as { start: string }).start <= p.start,
  )
  const periods = sorted
    ? facts.sickPeriods
    : [...facts.sickPeriods].sort((a, b) => (a.start < b.start ? -1 : 1))
  const base: TimelineCase = {
    today: facts.today,
    profile: facts.profile,
    sickPeriods: periods.map((p) => ({ start: p.start, end: p.end })),
    leaves: facts.leaves.map((l) => ({ start: l.start, end: l.end })),
    // A leave with a different cause on either side starts a new case (BW 7:629 lid 10).
    sameCauseAroundLeave: facts.leaves.every((l) => l.sameCauseAroundLeave),
  }
  const clock = caseClock(base)
  const firstOfCase = periods[clock.firstIndex]
  const done: Partial<Record<DeadlineKey, IsoDate>> = {}
  const waived = new Map<string, { date: IsoDate; motivation?: string }>()
  const marks =
    facts.marks.length > 1
      ? [...facts.marks].sort((a, b) => (a.date < b.date ? -1 : 1))
      : facts.marks
  for (const m of marks) {
    if (m.state === 'done' && isDeadline(m.key)) done[m.key] = m.date
    if (m.state === 'waived') waived.set(m.key, { date: m.date, motivation: m.motivation })
  }
  if (firstOfCase?.reportedToArbodienstOn && !done['melding-arbodienst']) {
    done['melding-arbodienst'] = firstOfCase.reportedToArbodienstOn
  }
  const input: TimelineCase = {
    ...base,
    reportedByEmployee: firstOfCase?.reportedToEmployerOn,
    done,
  }
  // Reported and done dates do not move the clock: reuse it.
  const result = computeTimeline(input, clock)
  const today = toEpochDay(facts.today)
  const soon = facts.dueSoonDays ?? 14
  const projected: DaySpan[] = clock.periods.map((p, i) =>
    i === clock.periods.length - 1 ? { start: p.start, end: undefined } : p,
  )
  const weekOf = (due: number) =>
    Math.max(1, Math.ceil(countedDaysUntil(projected, clock.leaves, due) / 7))

  const milestones: Milestone[] = result.deadlines.map((d) => {
    const info = MILESTONE_INFO[d.key]
    const dueDay = toEpochDay(d.due)
    const w = waived.get(d.key)
    const w0 = w && toEpochDay(w.date) >= clock.d ? w : undefined
    let status: MilestoneStatus = d.status
    if (w0 && (d.status === 'open' || d.status === 'overdue')) status = 'waived'
    else if (d.status === 'open' && dueDay - today <= soon) status = 'due-soon'
    return {
      key: d.key,
      label: info.label,
      due: d.due,
      ...(d.key === 'eerstejaarsevaluatie'
        ? { windowStart: fromEpochDay(clock.nth(param('eerstejaarsevaluatieWindowStartDay'))) }
        : {}),
      week: FIXED_WEEK[d.key] ?? weekOf(dueDay),
      status,
      severity:
        d.key === 'melding-arbodienst' && facts.profile !== 'wettelijk'
          ? 'contract'
          : info.severity,
      source: info.source,
      ...(d.doneOn ? { doneOn: d.doneOn } : {}),
      ...(status === 'waived' && w0
        ? { doneOn: w0.date, ...(w0.motivation ? { motivation: w0.motivation } : {}) }
        : {}),
    }
  })
  const extra = (key: MilestoneKey, due: IsoDate | undefined, automatic = false, week?: number) => {
    if (!due) return
    const info = MILESTONE_INFO[key]
    const dueDay = toEpochDay(due)
    const mark = marksByKey.get(key)
    const status: MilestoneStatus = mark
      ? mark.state === 'waived'
        ? 'waived'
        : toEpochDay(mark.date) <= dueDay
          ? 'done'
          : 'done-late'
      : today > dueDay
        ? automatic
          ? 'done'
          : 'overdue'
        : dueDay - today <= soon
          ? 'due-soon'
          : 'open'
    milestones.push({
      key,
      label: info.label,
      due,
      week: week ?? weekOf(dueDay),
      status,
      severity: info.severity,
      source: info.source,
      ...(mark
        ? { doneOn: mark.date, ...(mark.motivation ? { motivation: mark.motivation } : {}) }
        : {}),
    })
  }
  const marksByKey = new Map(
    facts.marks.filter((m) => toEpochDay(m.date) >= clock.d).map((m) => [m.key, m]),
  )
  const lastOfCase = clock.caseEnd !== undefined ? fromEpochDay(clock.caseEnd) : undefined
  extra('overdracht-arbo-goudse', goudseArboTakeover(facts.profile, result.firstSickDay), true)
  extra(
    'melding-loonsanctie-goudse',
    goudseSanctionNoticeDue(facts.profile, facts.loonsanctieDecisionOn),
  )
  extra('terugvalpreventie', terugvalpreventieDue(facts.profile, result.firstSickDay, lastOfCase))
  const ongoing = (due: number) => clock.caseEnd === undefined || due <= clock.caseEnd
  const eje = marksByKey.get('eerstejaarsevaluatie')
  if (eje?.state === 'done') extra('spoor-2-start', addDays(eje.date, param('spoor2DaysAfterEje')))
  const riv = clock.nth(param('reintegratieverslagDay'))
  if (ongoing(riv))
    extra('actueel-oordeel', fromEpochDay(riv), false, FIXED_WEEK['re-integratieverslag'])
  const letter = clock.nth(param('uwvWiaLetterDay'))
  if (ongoing(letter))
    extra('uwv-wia-brief', fromEpochDay(letter), false, Math.ceil(param('uwvWiaLetterDay') / 7))
  if (
    facts.employmentEnd &&
    toEpochDay(facts.employmentEnd) >= clock.d &&
    ongoing(toEpochDay(facts.employmentEnd))
  ) {
    extra('ziek-uit-dienst', lastWorkingDayOnOrBefore(facts.employmentEnd))
  }
  if (facts.loonsanctieDecisionOn)
    extra('einde-loonsanctie', addDays(result.lastWageDay, param('loonsanctieMaxDays')), true)
  milestones.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))

  const lastWage = toEpochDay(result.lastWageDay)
  const endInfo = MILESTONE_INFO['einde-loondoorbetaling']
  milestones.push({
    key: 'einde-loondoorbetaling',
    label: endInfo.label,
    due: result.lastWageDay,
    week: 104,
    status:
      clock.caseEnd !== undefined && lastWage > clock.caseEnd
        ? 'not-applicable'
        : today > lastWage
          ? 'done'
          : lastWage - today <= soon
            ? 'due-soon'
            : 'open',
    severity: endInfo.severity,
    source: endInfo.source,
  })
  return {
    firstSickDay: result.firstSickDay,
    periodsInCase: result.periodsInCase,
    countedSickDays: result.countedSickDays,
    sickWeek: result.sickWeek,
    lastWageDay: result.lastWageDay,
    caseEnded: clock.caseEnd !== undefined,
    poortwachtergarantie: result.poortwachtergarantie,
    milestones,
  }
}

export type Urgency = {
  /** 0 = overdue, 1 = due within 7 days, 2 = within 14 days, 3 = later, 4 = nothing open. */
  readonly rank: 0 | 1 | 2 | 3 | 4
  readonly next?: Milestone
  readonly overdue: number
}

/** How urgent a dossier is, for sorting the caseload: overdue first, then due within 7 and 14 days. */
export function urgencyOf(timeline: DossierTimeline | undefined, today: IsoDate): Urgency {
  if (!timeline) return { rank: 4, overdue: 0 }
  const t = toEpochDay(today)
  const actionable = timeline.milestones.filter(
    (m) => m.status === 'overdue' || m.status === 'due-soon' || m.status === 'open',
  )
  const overdue = actionable.filter((m) => m.status === 'overdue')
  const next = [...(overdue.length ? overdue : actionable)].sort((a, b) =>
    a.due < b.due ? -1 : 1,
  )[0]
  if (!next) return { rank: 4, overdue: 0 }
  const inDays = toEpochDay(next.due) - t
  const rank = overdue.length > 0 ? 0 : inDays <= 7 ? 1 : inDays <= 14 ? 2 : 3
  return { rank, next, overdue: overdue.length }
}
