import type { PolicyProfileId } from '../domain/policy-profile'
import { fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import {
  chainCase,
  countedDaysUntil,
  normalizeLeaves,
  nthCountedDay,
  type DaySpan,
  type LeaveSpan,
} from './clock'
import { arboReportDays, param } from './parameters'

/** A case as the timeline contract defines it (timeline-contract.md "Input: a case"). */
export type TimelineCase = {
  readonly today: IsoDate
  readonly profile?: PolicyProfileId
  readonly sickPeriods: readonly { readonly start: IsoDate; readonly end?: IsoDate | null }[]
  readonly leaves?: readonly { readonly start: IsoDate; readonly end: IsoDate }[]
  readonly sameCauseAroundLeave?: boolean
  readonly reportedByEmployee?: IsoDate
  readonly done?: Readonly<Partial<Record<DeadlineKey, IsoDate>>>
}

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
export type GuaranteeStatus = 'not-applicable' | 'active' | 'lapsed'

export type TimelineResult = {
  firstSickDay: IsoDate
  periodsInCase: number
  countedSickDays: number
  sickWeek: number
  lastWageDay: IsoDate
  deadlines: Deadline[]
  poortwachtergarantie: GuaranteeStatus
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
  readonly nth: (n: number) => number
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
  const inCase = chained.periods
  const first = inCase[0] as DaySpan
  return {
    d: first.start,
    today,
    periods: inCase,
    leaves: normalized,
    firstIndex: chained.firstIndex,
    caseEnd: (inCase[inCase.length - 1] as DaySpan).end,
    nth: (n) => nthCountedDay(inCase, normalized, n),
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
 * Status of one deadline, first rule that applies (timeline-contract.md): done (on time or
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

/** Due date (epoch day) of each contract deadline (timeline-contract.md table; domain §2). */
export function dueDates(
  input: TimelineCase,
  clock: CaseClock,
  paDone: number | undefined,
): Record<DeadlineKey, number> {
  const profile = input.profile ?? 'wettelijk'
  const reported = input.reportedByEmployee ? toEpochDay(input.reportedByEmployee) : clock.d
  return {
    'melding-arbodienst': reported + arboReportDays(profile),
    probleemanalyse: clock.nth(param('probleemanalyseDay')),
    'plan-van-aanpak':
      paDone !== undefined
        ? paDone + param('planVanAanpakDaysAfterPa')
        : clock.nth(param('planVanAanpakDay')),
    'melding-uwv-42': clock.nth(param('melding42Day')) + 1,
    eerstejaarsevaluatie: clock.nth(param('eerstejaarsevaluatieDay')),
    're-integratieverslag': clock.nth(param('reintegratieverslagDay')),
    'wia-aanvraag': clock.nth(param('wiaAanvraagDay')),
  }
}

/** Poortwachtergarantie from the reporting deadline (seed 000 art. 4.2, seed 003 art. 4.2). */
export function guaranteeStatus(
  profile: PolicyProfileId,
  arboReport: DeadlineStatus,
): GuaranteeStatus {
  switch (profile) {
    case 'wettelijk':
      return 'not-applicable'
    case 'asr-reintegratiemanager':
      return 'active'
    case 'amersfoortse-ontzorgmanager':
    case 'goudse-op-maat':
      return arboReport === 'done-late' || arboReport === 'overdue' ? 'lapsed' : 'active'
  }
}

/** The contract timeline of one validated case. */
export function computeTimeline(
  input: TimelineCase,
  clock: CaseClock = caseClock(input),
): TimelineResult {
  const doneDay = (key: DeadlineKey): number | undefined => {
    const v = input.done?.[key]
    if (!v) return undefined
    const day = toEpochDay(v)
    return day >= clock.d ? day : undefined
  }
  const due = dueDates(input, clock, doneDay('probleemanalyse'))
  const deadlines: Deadline[] = DEADLINE_KEYS.map((key) => {
    const doneOn = doneDay(key)
    const status = deadlineStatus(key, due[key], doneOn, clock)
    const d: Deadline = { key, due: fromEpochDay(due[key]), status }
    if (status === 'done' || status === 'done-late') d.doneOn = fromEpochDay(doneOn as number)
    return d
  })
  const counted =
    clock.today < clock.d ? 0 : countedDaysUntil(clock.periods, clock.leaves, clock.today)
  return {
    firstSickDay: fromEpochDay(clock.d),
    periodsInCase: clock.periods.length,
    countedSickDays: counted,
    sickWeek: Math.ceil(counted / 7),
    lastWageDay: fromEpochDay(clock.nth(param('lastWageDay'))),
    deadlines,
    poortwachtergarantie: guaranteeStatus(
      input.profile ?? 'wettelijk',
      (deadlines[0] as Deadline).status,
    ),
  }
}
