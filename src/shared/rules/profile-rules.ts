import type { PolicyProfileId } from '../domain/policy-profile'
import { addDays, daysBetween, type IsoDate } from '../kernel/iso-date'
import { addWorkingDays } from './holidays'
import { param } from './parameters'

/** Calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7)) - 1 + months
  const year = y + Math.floor(m / 12)
  const month = ((m % 12) + 12) % 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const day = Math.min(Number(date.slice(8, 10)), last)
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate
}

/**
 * De Goudse (seed 003 art. 2.1, 2.3.3): the employer guides alone in weeks 1–4; from D+28 the
 * arbo- en verzuimbegeleider takes over. Undefined for other profiles.
 */
export function goudseArboTakeover(
  profile: PolicyProfileId,
  firstSickDay: IsoDate,
): IsoDate | undefined {
  return profile === 'goudse-op-maat'
    ? addDays(firstSickDay, param('goudseArboFromDays'))
    : undefined
}

/** De Goudse (seed 003 art. 2.3.3): report a UWV loonsanctie within five working days of the decision. */
export function goudseSanctionNoticeDue(
  profile: PolicyProfileId,
  decisionOn: IsoDate | undefined,
): IsoDate | undefined {
  if (profile !== 'goudse-op-maat' || !decisionOn) return undefined
  return addWorkingDays(decisionOn, param('goudseSanctionNoticeWorkingDays'))
}

/**
 * Terugvalpreventie (Ontzorgmanager, seeds 002 and 004; domain §6.2 ASR-T2): absent longer than
 * three months, then six months back at work ⇒ the Ontzorgmanager contacts the employee.
 * Reading [UNVERIFIED]: the aggregated case from D to full recovery H = last sick day + 1.
 */
export function terugvalpreventieDue(
  profile: PolicyProfileId,
  firstSickDay: IsoDate,
  lastSickDay: IsoDate | undefined,
): IsoDate | undefined {
  if (profile !== 'amersfoortse-ontzorgmanager' || !lastSickDay) return undefined
  const recovered = addDays(lastSickDay, 1)
  if (recovered <= addMonths(firstSickDay, param('terugvalAbsentMonths'))) return undefined
  return addMonths(recovered, param('terugvalBackAtWorkMonths'))
}

/** Local date-time `YYYY-MM-DDTHH:mm` to minutes; both sides are in the same (Dutch) zone. */
function minutes(local: string): number {
  return (
    Date.UTC(
      Number(local.slice(0, 4)),
      Number(local.slice(5, 7)) - 1,
      Number(local.slice(8, 10)),
      Number(local.slice(11, 13)),
      Number(local.slice(14, 16)),
    ) / 60_000
  )
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
  return (
    minutes(appointment.startsAt) - minutes(appointment.cancelledAt) <
    param('cancellationHours') * 60
  )
}

/**
 * Weeks of wage continuation left after `today` (INT-2: shown next to an intervention's cost;
 * whether the cost is "bovenmatig" is the insurer's judgement, not the app's).
 */
export function remainingWageWeeks(lastWageDay: IsoDate, today: IsoDate): number {
  return Math.max(0, Math.round((daysBetween(today, lastWageDay) / 7) * 10) / 10)
}
