import type { PolicyProfileId } from '../domain/policy-profile'
import { fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import {
  chainCase,
  countedDaysUntil,
  normalizeLeaves,
  nthCountedDay,
  projectedCountedDaysUntil,
  type DaySpan,
  type LeaveSpan,
} from './clock'
import {
  evaluateGuarantee,
  v1Guarantee,
  type GroundFact,
  type GuaranteeResult,
  type ReportFact,
} from './guarantee-evaluation'
import {
  DAYS_PER_WEEK,
  dueUnderLaw,
  nthUnderLaw,
  param,
  PARAMETERS,
  type ParameterTable,
} from './parameters'
import { policyProfile, valueOn, type GuaranteeGround, type ReportKind } from './profiles'

/**
 * A case as the timeline contract defines it (docs/timeline-contract.md "Input: a case"; the
 * fields from `reports` on are version 2, where `null` is the same as absent).
 */
export type TimelineCase = {
  readonly today: IsoDate
  readonly profile?: PolicyProfileId
  readonly sickPeriods: readonly { readonly start: IsoDate; readonly end?: IsoDate | null }[]
  readonly leaves?: readonly { readonly start: IsoDate; readonly end: IsoDate }[]
  readonly sameCauseAroundLeave?: boolean
  readonly reportedByEmployee?: IsoDate
  readonly done?: Readonly<Partial<Record<DeadlineKey, IsoDate>>>
  readonly reports?: readonly TimelineReport[] | null
  readonly moduleStart?: IsoDate | null
  readonly employmentStart?: IsoDate | null
  readonly guaranteeOnPolicy?: boolean | null
  readonly guaranteeEvents?: readonly GuaranteeEvent[] | null
}

/** A report after the case's first ziekmelding (contract version 2). */
export type TimelineReport = {
  readonly kind: ReportKind
  readonly on: IsoDate
  readonly reportedOn?: IsoDate | null
}

/** A recorded ground that may lapse the guarantee (contract version 2). */
export type GuaranteeEvent = { readonly ground: GuaranteeGround; readonly on: IsoDate }

export const DEADLINE_KEYS = [
  'melding-arbodienst',
  'probleemanalyse',
  'plan-van-aanpak',
  'melding-uwv-42',
  'eerstejaarsevaluatie',
  're-integratieverslag',
  'wia-aanvraag',
] as const
export type DeadlineKey = (typeof DEADLINE_KEYS)[number]

export type DeadlineStatus = 'open' | 'overdue' | 'done' | 'done-late' | 'not-applicable'
export type Deadline = { key: DeadlineKey; due: IsoDate; status: DeadlineStatus; doneOn?: IsoDate }
/** Version 1's `poortwachtergarantie` (version 2's `guarantee.status` has `at-risk` too). */
export type GuaranteeStatus = 'not-applicable' | 'active' | 'lapsed'

export type TimelineResult = {
  firstSickDay: IsoDate
  periodsInCase: number
  countedSickDays: number
  sickWeek: number
  lastWageDay: IsoDate
  deadlines: Deadline[]
  poortwachtergarantie: GuaranteeStatus
  guarantee: GuaranteeResult
}

/** Everything derived from the counted-day clock, in epoch days, for reuse by richer views. */
export type CaseClock = {
  readonly d: number
  readonly today: number
  readonly periods: readonly DaySpan[]
  readonly leaves: readonly LeaveSpan[]
  readonly firstIndex: number
  /** The last day of the case when its last period has ended; undefined while still sick. */
  readonly caseEnd: number | undefined
  /** The date of the n-th counted sick day (projected beyond the last period). */
  nth(n: number): number
  /** Counted days up to `day`, the last period projected as if the sickness goes on. */
  projectedCounted(day: number): number
}

/**
 * The clock of a case from epoch-day spans: samentelling, then the counted-day clock (domain
 * §3.2, §3.4). `periods` chronological and non-overlapping with only the last open; `leaves`
 * in any order (they are normalized here).
 */
export function clockFromSpans(
  periods: readonly DaySpan[],
  leaves: readonly LeaveSpan[],
  today: number,
): CaseClock {
  const normalized = normalizeLeaves(leaves)
  const chained = chainCase(periods, normalized)
  return new SpanClock(chained.periods, normalized, chained.firstIndex, today)
}

/** `CaseClock` as a class, so that `nth` is not a new closure for every case. */
class SpanClock implements CaseClock {
  readonly d: number
  readonly caseEnd: number | undefined
  constructor(
    readonly periods: readonly DaySpan[],
    readonly leaves: readonly LeaveSpan[],
    readonly firstIndex: number,
    readonly today: number,
  ) {
    this.d = (periods[0] as DaySpan).start
    this.caseEnd = (periods[periods.length - 1] as DaySpan).end
  }
  nth(n: number): number {
    return nthCountedDay(this.periods, this.leaves, n)
  }
  projectedCounted(day: number): number {
    return projectedCountedDaysUntil(this.periods, this.leaves, day)
  }
}

/** The clock of a validated contract case (`sameCauseAroundLeave` applies to every leave). */
export function caseClock(input: TimelineCase): CaseClock {
  const periods: DaySpan[] = input.sickPeriods.map((p) => ({
    start: toEpochDay(p.start),
    end: p.end ? toEpochDay(p.end) : undefined,
  }))
  const sameCause = input.sameCauseAroundLeave ?? true
  const leaves: LeaveSpan[] = (input.leaves ?? []).map((l) => ({
    start: toEpochDay(l.start),
    end: toEpochDay(l.end),
    sameCause,
  }))
  return clockFromSpans(periods, leaves, toEpochDay(input.today))
}

/**
 * Status of one deadline, first rule that applies (docs/timeline-contract.md): done (on time or
 * late), not applicable after the case ended, overdue after today, otherwise open. A done date
 * before the case's first sick day belongs to an earlier case and is ignored.
 */
export function deadlineStatus(
  key: DeadlineKey,
  due: number,
  doneOn: number | undefined,
  clock: Pick<CaseClock, 'd' | 'today' | 'caseEnd'>,
): DeadlineStatus {
  if (doneOn !== undefined && doneOn >= clock.d) return doneOn <= due ? 'done' : 'done-late'
  if (key !== 'melding-arbodienst' && clock.caseEnd !== undefined && due > clock.caseEnd)
    return 'not-applicable'
  if (clock.today > due) return 'overdue'
  return 'open'
}

const LAST_WAGE_DAY = param('lastWageDay')

/** A contract deadline in epoch days, before formatting. */
export type DeadlineDays = {
  readonly key: DeadlineKey
  readonly due: number
  readonly status: DeadlineStatus
  readonly doneOn: number | undefined
}

/**
 * Due date (epoch day) of each contract deadline (docs/timeline-contract.md table; domain §2):
 * - melding-arbodienst: the employee's sick report (default D) + the profile's `arboReportDays`
 *   in force on that day (law and practice 6, De Amersfoortse 2, De Goudse 4) — Regeling
 *   procesgang art. 2 lid 1;
 * - probleemanalyse: nth(42), end of week 6 — Regeling art. 2 lid 2;
 * - plan-van-aanpak: probleemanalyse done + 14 days, else nth(56) — Regeling art. 4 lid 1;
 * - melding-uwv-42: nth(294) + 1 — ZW art. 38 lid 1;
 * - eerstejaarsevaluatie: nth(364), end of week 52 — Regeling art. 4 lid 2 sub b;
 * - re-integratieverslag: nth(637), end of week 91 — WIA art. 25 lid 3;
 * - wia-aanvraag: nth(651), end of week 93 — WIA art. 64 lid 3.
 * Each under the parameter version in force on the day it falls due (`dueUnderLaw`).
 * `paDone` must already be a date of this case (on or after D).
 */
export function dueDay(
  key: DeadlineKey,
  profile: PolicyProfileId,
  reportedByEmployee: number | undefined,
  clock: CaseClock,
  paDone: number | undefined,
  table: ParameterTable = PARAMETERS,
): number {
  switch (key) {
    case 'melding-arbodienst': {
      const from = reportedByEmployee ?? clock.d
      return from + valueOn(policyProfile(profile).arboReportDays, from)
    }
    case 'probleemanalyse':
      return nthUnderLaw(table, 'probleemanalyseDay', clock)
    case 'plan-van-aanpak':
      return paDone !== undefined
        ? dueUnderLaw(table, 'planVanAanpakDaysAfterPa', (v) => paDone + v)
        : nthUnderLaw(table, 'planVanAanpakDay', clock)
    case 'melding-uwv-42':
      return nthUnderLaw(table, 'melding42Day', clock, 1)
    case 'eerstejaarsevaluatie':
      return nthUnderLaw(table, 'eerstejaarsevaluatieDay', clock)
    case 're-integratieverslag':
      return nthUnderLaw(table, 'reintegratieverslagDay', clock)
    case 'wia-aanvraag':
      return nthUnderLaw(table, 'wiaAanvraagDay', clock)
  }
}

/**
 * The seven contract deadlines with their statuses, in contract order. `done` holds epoch days;
 * a date before the case's first sick day belongs to an earlier case and is ignored.
 */
export function contractDeadlineDays(
  profile: PolicyProfileId,
  reportedByEmployee: number | undefined,
  clock: CaseClock,
  done: Readonly<Partial<Record<DeadlineKey, number>>>,
  table: ParameterTable = PARAMETERS,
): DeadlineDays[] {
  const pa = done.probleemanalyse
  const paDone = pa !== undefined && pa >= clock.d ? pa : undefined
  const out: DeadlineDays[] = []
  for (const key of DEADLINE_KEYS) {
    const due = dueDay(key, profile, reportedByEmployee, clock, paDone, table)
    const doneOn = done[key]
    const status = deadlineStatus(key, due, doneOn, clock)
    out.push({
      key,
      due,
      status,
      doneOn: status === 'done' || status === 'done-late' ? doneOn : undefined,
    })
  }
  return out
}

/** Counted sick days from D up to and including today (0 before D), and the sick week. */
export function sickDaysToday(clock: CaseClock): { counted: number; week: number } {
  const counted =
    clock.today < clock.d ? 0 : countedDaysUntil(clock.periods, clock.leaves, clock.today)
  return { counted, week: Math.ceil(counted / DAYS_PER_WEEK) }
}

const epochOrUndefined = (d: IsoDate | null | undefined) => (d ? toEpochDay(d) : undefined)

/**
 * The poortwachtergarantie of a validated case (contract version 2); `firstReportDone` is the
 * done date of `melding-arbodienst` when it belongs to this case.
 */
export function timelineGuarantee(
  input: TimelineCase,
  clock: CaseClock,
  reportedByEmployee: number | undefined,
  firstReportDone: number | undefined,
): GuaranteeResult {
  const reports: ReportFact[] = []
  if (input.reports)
    for (const r of input.reports)
      reports.push({
        kind: r.kind,
        on: toEpochDay(r.on),
        reportedOn: epochOrUndefined(r.reportedOn),
      })
  const events: GroundFact[] = []
  if (input.guaranteeEvents)
    for (const e of input.guaranteeEvents) events.push({ ground: e.ground, on: toEpochDay(e.on) })
  return evaluateGuarantee({
    profile: policyProfile(input.profile),
    d: clock.d,
    today: clock.today,
    periods: clock.periods,
    firstReport: {
      kind: 'melding-arbodienst',
      on: reportedByEmployee ?? clock.d,
      reportedOn: firstReportDone,
    },
    reports,
    moduleStart: epochOrUndefined(input.moduleStart),
    employmentStart: epochOrUndefined(input.employmentStart),
    guaranteeOnPolicy: input.guaranteeOnPolicy ?? true,
    events,
  })
}

/** The contract timeline of one validated case (docs/timeline-contract.md "Output: a result"). */
export function computeTimeline(
  input: TimelineCase,
  clock: CaseClock = caseClock(input),
): TimelineResult {
  const done: Partial<Record<DeadlineKey, number>> = {}
  if (input.done) {
    for (const key of DEADLINE_KEYS) {
      const v = input.done[key]
      if (v) done[key] = toEpochDay(v)
    }
  }
  const profile = policyProfile(input.profile).id
  const reported = input.reportedByEmployee ? toEpochDay(input.reportedByEmployee) : undefined
  const days = contractDeadlineDays(profile, reported, clock, done)
  const deadlines: Deadline[] = days.map((d) => {
    const out: Deadline = { key: d.key, due: fromEpochDay(d.due), status: d.status }
    if (d.doneOn !== undefined) out.doneOn = fromEpochDay(d.doneOn)
    return out
  })
  const today = sickDaysToday(clock)
  const guarantee = timelineGuarantee(input, clock, reported, (days[0] as DeadlineDays).doneOn)
  return {
    firstSickDay: fromEpochDay(clock.d),
    periodsInCase: clock.periods.length,
    countedSickDays: today.counted,
    sickWeek: today.week,
    lastWageDay: fromEpochDay(clock.nth(LAST_WAGE_DAY)),
    deadlines,
    poortwachtergarantie: v1Guarantee(guarantee.status),
    guarantee,
  }
}
