import { fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import { countedDaysUntil, normalizeLeaves, nthCountedDay, type LeaveSpan } from './clock'
import { param } from './parameters'
import type { CaseClock } from './timeline'

/**
 * The several clocks of poortwachter-domain.md §3.1 — never one "weeks sick" number (§7 item 2).
 * All four share the case (samentelling, §3.2) and leave WAZO leave days out; they differ in
 * what else they count and when they stop:
 *
 * | clock | basis | differs from the counted-day clock when … |
 * |---|---|---|
 * | wage continuation | BW 7:629 lid 1, 4, 10 | employment ends while sick: the employer's wage duty ends with it (§3.7) |
 * | WIA wachttijd | WIA 23 lid 1, 3, 5 sub a | never, for the facts the app stores (ZW benefit after employment keeps it running, §3.7) |
 * | 42-week report | ZW 38 lid 1 | never (WAZO periods excluded, same aggregation) |
 * | dismissal protection | BW 7:670 lid 1 | sickness due to pregnancy before the leave does not count (Stb. 2005, 65) |
 *
 * For the data we hold, wage continuation and the WIA wachttijd coincide unless the employment
 * ends; the functions still exist separately so that a change in either law is a change here.
 */
const LAST_WAGE_DAY = param('lastWageDay')
const MELDING_42_DAY = param('melding42Day')

export type LegalClocks = {
  /** Last day of the 104 weeks of wage continuation owed by this employer (before sanctions). */
  readonly wageContinuationLastDay: IsoDate
  /** Last day of the WIA wachttijd (104 weeks); WIA can start the day after. */
  readonly wiaWachttijdLastDay: IsoDate
  /** Last day of the two years during which notice is prohibited (before extensions). */
  readonly opzegverbodLastDay: IsoDate
  /** Counted days on the dismissal-protection clock up to today. */
  readonly opzegverbodCountedDays: number
}

export type LegalClockOptions = {
  /** Last day of employment (ziek uit dienst): the employer's wage clock stops there. */
  readonly employmentEnd?: IsoDate
  /**
   * Sickness due to pregnancy before the leave, as established by a UWV ZW-29a decision (never
   * inferred or stored as a health fact, domain §5.5 item 3). Excluded from the 7:670 clock only.
   */
  readonly pregnancyRelatedSickness?: readonly { readonly start: IsoDate; readonly end: IsoDate }[]
}

/**
 * Wage continuation (BW 7:629 lid 1: 104 weeks; lid 4: not during WAZO leave; lid 10:
 * samentelling): the 728th counted day, or the last day of employment if that is earlier
 * (domain §3.7: after employment UWV pays ZW benefit, the employer no longer pays wages).
 */
export function wageContinuationLastDay(clock: CaseClock, employmentEnd?: IsoDate): number {
  const last = clock.nth(LAST_WAGE_DAY)
  if (employmentEnd === undefined) return last
  const end = toEpochDay(employmentEnd)
  return end >= clock.d && end < last ? end : last
}

/**
 * WIA wachttijd (WIA 23 lid 1: 104 weeks; lid 3: samentelling; lid 5 sub a: WAZO periods
 * excluded): the 728th counted day; the wachttijd has run out the day after.
 */
export function wiaWachttijdLastDay(clock: CaseClock): number {
  return clock.nth(LAST_WAGE_DAY)
}

/** ZW art. 38 lid 1: the 42 weeks (294 counted days) after which the report to UWV is due. */
export function report42LastCountedDay(clock: CaseClock): number {
  return clock.nth(MELDING_42_DAY)
}

/**
 * Dismissal protection (BW 7:670 lid 1 sub a: notice is prohibited during sickness unless it
 * lasted two years; pregnancy-related sickness before the leave and the leave itself do not
 * count, Stb. 2005, 65). Returns the 728th day on this clock. Extensions by a loonsanctie or a
 * voluntary extension (7:670 lid 11) are not included.
 */
export function opzegverbodClock(
  clock: CaseClock,
  pregnancyRelated: readonly { readonly start: IsoDate; readonly end: IsoDate }[] = [],
): { lastDay: number; countedDays: number } {
  const excluded: LeaveSpan[] = [
    ...clock.leaves,
    ...pregnancyRelated.map((s) => ({ start: toEpochDay(s.start), end: toEpochDay(s.end) })),
  ]
  const spans = pregnancyRelated.length ? normalizeLeaves(excluded) : clock.leaves
  return {
    lastDay: nthCountedDay(clock.periods, spans, LAST_WAGE_DAY),
    countedDays: clock.today < clock.d ? 0 : countedDaysUntil(clock.periods, spans, clock.today),
  }
}

/** All §3.1 clocks of a case. */
export function legalClocks(
  clock: CaseClock,
  options: LegalClockOptions = {},
  countedToday?: number,
): LegalClocks {
  const wia = wiaWachttijdLastDay(clock)
  // Without pregnancy-related sickness the 7:670 clock counts exactly the wage/WIA days.
  const opzeg = options.pregnancyRelatedSickness?.length
    ? opzegverbodClock(clock, options.pregnancyRelatedSickness)
    : {
        lastDay: wia,
        countedDays:
          countedToday ??
          (clock.today < clock.d ? 0 : countedDaysUntil(clock.periods, clock.leaves, clock.today)),
      }
  const wiaIso = fromEpochDay(wia)
  const wage = wageContinuationLastDay(clock, options.employmentEnd)
  return {
    wageContinuationLastDay: wage === wia ? wiaIso : fromEpochDay(wage),
    wiaWachttijdLastDay: wiaIso,
    opzegverbodLastDay: opzeg.lastDay === wia ? wiaIso : fromEpochDay(opzeg.lastDay),
    opzegverbodCountedDays: opzeg.countedDays,
  }
}
