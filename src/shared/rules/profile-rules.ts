import type { PolicyProfileId } from '../domain/policy-profile'
import { addDays, fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import { termDue } from './guarantee-evaluation'
import { weekdayOfEpochDay } from './holidays'
import { DAYS_PER_WEEK, param } from './parameters'
import { policyProfile, valueOn } from './profiles'

/** Calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const m0 = Number(date.slice(5, 7)) - 1 + months
  const year = Number(date.slice(0, 4)) + Math.floor(m0 / 12)
  const month = (((m0 % 12) + 12) % 12) + 1
  const ym = `${year}-${String(month).padStart(2, '0')}`
  const nextYm = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
  const monthLength = toEpochDay(`${nextYm}-01` as IsoDate) - toEpochDay(`${ym}-01` as IsoDate)
  const day = Math.min(Number(date.slice(8, 10)), monthLength)
  return `${ym}-${String(day).padStart(2, '0')}` as IsoDate
}

/**
 * The day the arbo provider takes over the guidance: D + the profile's `arboTakeoverDays`
 * (De Goudse, seed 003 art. 2.1, 2.3.3: the employer guides alone in weeks 1–4, from D+28 the
 * arbo- en verzuimbegeleider). Undefined where the profile has no such moment.
 */
export function arboTakeover(profile: PolicyProfileId, firstSickDay: IsoDate): IsoDate | undefined {
  const day = arboTakeoverDay(profile, toEpochDay(firstSickDay))
  return day === undefined ? undefined : fromEpochDay(day)
}

/** `arboTakeover` in epoch days. */
export function arboTakeoverDay(profile: PolicyProfileId, d: number): number | undefined {
  const days = valueOn(policyProfile(profile).arboTakeoverDays, d)
  return days === null ? undefined : d + days
}

/**
 * The last day to tell the insurer of a UWV loonsanctie, under the profile's term for the
 * `loonsanctie` report in force on the decision's date (De Goudse, seed 003 art. 2.3.3: within
 * five working days). Undefined where the profile sets no term.
 */
export function sanctionNoticeDue(
  profile: PolicyProfileId,
  decisionOn: IsoDate | undefined,
): IsoDate | undefined {
  if (!decisionOn) return undefined
  const on = toEpochDay(decisionOn)
  const term = valueOn(policyProfile(profile).reportTerms.loonsanctie, on)
  return term ? fromEpochDay(termDue(term, on)) : undefined
}

/**
 * Terugvalpreventie (Ontzorgmanager, seeds 002 and 004; domain §6.2 ASR-T2): absent longer than
 * the profile's months, then that many months back at work ⇒ the Ontzorgmanager contacts the
 * employee. Reading [UNVERIFIED]: the aggregated case from D to full recovery H = last sick
 * day + 1; the version in force on H applies.
 */
export function terugvalpreventieDue(
  profile: PolicyProfileId,
  firstSickDay: IsoDate,
  lastSickDay: IsoDate | undefined,
): IsoDate | undefined {
  if (!lastSickDay) return undefined
  const recovered = addDays(lastSickDay, 1)
  const rule = valueOn(policyProfile(profile).relapsePrevention, toEpochDay(recovered))
  if (!rule || recovered <= addMonths(firstSickDay, rule.absentMonths)) return undefined
  return addMonths(recovered, rule.backAtWorkMonths)
}

const MINUTES_PER_DAY = 1440
const MINUTES_PER_HOUR = 60

/** Epoch day of the last Sunday of a month (EU summer time starts and ends on one). */
function lastSunday(year: number, month: number): number {
  const next =
    month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
  const lastDay = toEpochDay(next as IsoDate) - 1
  return lastDay - (weekdayOfEpochDay(lastDay) % 7)
}

/** Wall-clock minutes of a local date-time `YYYY-MM-DDTHH:mm` (no zone). */
function localMinutes(local: string): number {
  return (
    toEpochDay(local.slice(0, 10) as IsoDate) * MINUTES_PER_DAY +
    Number(local.slice(11, 13)) * MINUTES_PER_HOUR +
    Number(local.slice(14, 16))
  )
}

/**
 * A local Dutch date-time `YYYY-MM-DDTHH:mm` as UTC minutes since the epoch. The Netherlands
 * keeps CET (UTC+1) and CEST (UTC+2) from the last Sunday of March to the last Sunday of
 * October, switching at 01:00 UTC (EU Directive 2000/84/EC). The repeated October hour is read
 * as its first occurrence. Without this, a cancellation across a clock change is off by an hour.
 */
export function amsterdamLocalToUtcMinutes(local: string): number {
  const year = Number(local.slice(0, 4))
  const wall = localMinutes(local)
  const dstStart = lastSunday(year, 3) * MINUTES_PER_DAY + MINUTES_PER_HOUR
  const dstEnd = lastSunday(year, 10) * MINUTES_PER_DAY + MINUTES_PER_HOUR
  const asSummer = wall - 2 * MINUTES_PER_HOUR
  return asSummer >= dstStart && asSummer < dstEnd ? asSummer : wall - MINUTES_PER_HOUR
}

/**
 * Cancelled less than 24 hours before the appointment: counts as a no-show and the arbodienst
 * may charge it (seed 000 art. 4.3, 003 art. 4.1–4.2, 004). `startsAt`, `cancelledAt`:
 * `YYYY-MM-DDTHH:mm`.
 */
export function isLateCancellation(appointment: {
  readonly startsAt: string
  readonly cancelledAt?: string
}): boolean {
  if (!appointment.cancelledAt) return false
  const limit = param('cancellationHours') * MINUTES_PER_HOUR
  const wall = localMinutes(appointment.startsAt) - localMinutes(appointment.cancelledAt)
  // A clock change moves the real lead time by at most an hour: only then look at the zone.
  if (wall >= limit + MINUTES_PER_HOUR) return false
  if (wall < limit - MINUTES_PER_HOUR) return true
  return (
    amsterdamLocalToUtcMinutes(appointment.startsAt) -
      amsterdamLocalToUtcMinutes(appointment.cancelledAt) <
    limit
  )
}

/** Weeks from `today` to `lastDay` (epoch days), one decimal, never negative. */
export function weeksLeft(lastDay: number, today: number): number {
  return Math.max(0, Math.round(((lastDay - today) / DAYS_PER_WEEK) * 10) / 10)
}

/**
 * Weeks of wage continuation left after `today` (INT-2: shown next to an intervention's cost;
 * whether the cost is "bovenmatig" is the insurer's judgement, not the app's; seed 000 art. 3.3,
 * 001 art. 3.3, 004 note 1).
 */
export function remainingWageWeeks(lastWageDay: IsoDate, today: IsoDate): number {
  return weeksLeft(toEpochDay(lastWageDay), toEpochDay(today))
}
