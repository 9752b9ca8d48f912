import { addDays, fromEpochDay, isoWeekday, toEpochDay, type IsoDate } from '../kernel/iso-date'

/**
 * Dutch public holidays as the Algemene termijnenwet art. 3 lid 1 lists them: Nieuwjaarsdag,
 * Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, both Christmas days, Koningsdag and
 * 5 May. (Easter Sunday and Whit Sunday are Sundays anyway; Goede Vrijdag is not on the list.)
 * Koningsdag is 27 April, or 26 April when the 27th is a Sunday (since 2014).
 */
export function easterSunday(year: number): IsoDate {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
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
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate
}

const cache = new Map<number, ReadonlySet<string>>()

export function dutchHolidays(year: number): ReadonlySet<string> {
  const hit = cache.get(year)
  if (hit) return hit
  const easter = easterSunday(year)
  const kingsDay = `${year}-04-27` as IsoDate
  const set = new Set<string>([
    `${year}-01-01`,
    addDays(easter, 1),
    addDays(easter, 39),
    addDays(easter, 50),
    isoWeekday(kingsDay) === 7 ? `${year}-04-26` : kingsDay,
    `${year}-05-05`,
    `${year}-12-25`,
    `${year}-12-26`,
  ])
  cache.set(year, set)
  return set
}

export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !dutchHolidays(Number(date.slice(0, 4))).has(date)
}

/** The n-th working day after `date` (weekends and Dutch public holidays skipped). */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let day = toEpochDay(date)
  let left = n
  while (left > 0) {
    day += 1
    if (isWorkingDay(fromEpochDay(day))) left -= 1
  }
  return fromEpochDay(day)
}
