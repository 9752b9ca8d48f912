import { fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'

/**
 * Dutch public holidays and working days, for contract terms counted in working days (De Goudse
 * Op Maat art. 2.3.3, seed 003: "binnen vijf werkdagen"). Computed here, no library, no cache.
 *
 * Which days: the "algemeen erkende feestdagen" of the Algemene termijnenwet art. 3 lid 1
 * (domain doc source S7): Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag,
 * both Christmas days, the King's birthday as celebrated, and 5 May — 5 May **every year**, as
 * the statute lists it (many CAOs give 5 May off only every five years; see the report's doubts).
 * Easter Sunday and Whit Sunday fall on Sundays and are skipped as weekend days anyway.
 *
 * Not included: Goede Vrijdag. Atw art. 3 lid 2 equates it only "voor de toepassing van deze wet";
 * the domain document does not list it, most employers work on it, and counting it as a working
 * day gives the earlier — safer — due date. `GOOD_FRIDAY_IS_HOLIDAY` records that choice as data.
 *
 * Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday (Wet vaststelling
 * Koningsdag, since 2014). Before 2014 Koninginnedag: 30 April, or 29 April when the 30th is a
 * Sunday (the rule applied from 1980 to 2013).
 */
export const GOOD_FRIDAY_IS_HOLIDAY = false

/** First year of Koningsdag on 27 April (King Willem-Alexander, 2014). */
const KONINGSDAG_FROM_YEAR = 2014

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1
}

const SUNDAY = 7
const SATURDAY = 6

function epochOf(year: number, month: number, day: number): number {
  return toEpochDay(
    `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as IsoDate,
  )
}

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher), as an epoch day. */
function easterEpochDay(year: number): number {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return epochOf(year, month, day)
}

/** Easter Sunday of `year` (Gregorian); Tweede Paasdag, Hemelvaart and Tweede Pinksterdag follow it. */
export function easterSunday(year: number): IsoDate {
  return fromEpochDay(easterEpochDay(year))
}

function kingsDayEpochDay(year: number): number {
  if (year >= KONINGSDAG_FROM_YEAR) {
    const k = epochOf(year, 4, 27)
    return weekdayOfEpochDay(k) === SUNDAY ? k - 1 : k
  }
  const q = epochOf(year, 4, 30)
  return weekdayOfEpochDay(q) === SUNDAY ? q - 1 : q
}

/** The public holidays of `year` as epoch days, in calendar order. */
export function dutchHolidayEpochDays(year: number): number[] {
  const easter = easterEpochDay(year)
  const days = [
    epochOf(year, 1, 1), // Nieuwjaarsdag
    easter + 1, // Tweede Paasdag
    kingsDayEpochDay(year), // Koningsdag / Koninginnedag
    epochOf(year, 5, 5), // Bevrijdingsdag (Atw art. 3 lid 1: every year)
    easter + 39, // Hemelvaartsdag
    easter + 50, // Tweede Pinksterdag
    epochOf(year, 12, 25), // Eerste Kerstdag
    epochOf(year, 12, 26), // Tweede Kerstdag
  ]
  if (GOOD_FRIDAY_IS_HOLIDAY) days.push(easter - 2)
  return days.sort((x, y) => x - y)
}

/** The public holidays of `year` as dates, in calendar order. */
export function dutchHolidays(year: number): ReadonlySet<IsoDate> {
  return new Set(dutchHolidayEpochDays(year).map(fromEpochDay))
}

function yearOfEpochDay(day: number): number {
  return Number(fromEpochDay(day).slice(0, 4))
}

/** Monday to Friday and not a public holiday. */
export function isWorkingEpochDay(day: number, holidays?: readonly number[]): boolean {
  if (weekdayOfEpochDay(day) >= SATURDAY) return false
  return !(holidays ?? dutchHolidayEpochDays(yearOfEpochDay(day))).includes(day)
}

/** A working day for contract terms in working days: Monday to Friday, not a public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingEpochDay(toEpochDay(date))
}

/**
 * The n-th working day after `date` (n ≥ 0): "binnen vijf werkdagen" after a decision on day X
 * ends on the fifth working day after X (X itself not counted).
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  return fromEpochDay(addWorkingEpochDays(toEpochDay(date), n))
}

/** `addWorkingDays` in epoch days. */
export function addWorkingEpochDays(from: number, n: number): number {
  let day = from
  let year = yearOfEpochDay(day)
  let holidays = dutchHolidayEpochDays(year)
  let left = n
  while (left > 0) {
    day += 1
    const y = yearOfEpochDay(day)
    if (y !== year) {
      year = y
      holidays = dutchHolidayEpochDays(y)
    }
    if (isWorkingEpochDay(day, holidays)) left -= 1
  }
  return day
}

/** The last working day on or before `date` (ZW art. 38 lid 2: "op de laatste werkdag"). */
export function lastWorkingDayOnOrBefore(date: IsoDate): IsoDate {
  let day = toEpochDay(date)
  while (!isWorkingEpochDay(day)) day -= 1
  return fromEpochDay(day)
}
