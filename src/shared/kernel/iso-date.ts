/**
 * Calendar dates without time or zone (timeline-contract.md: "Dates are calendar dates
 * YYYY-MM-DD (no times, no time zones). Day arithmetic is exact in calendar days.").
 *
 * An `IsoDate` is only made by a parser, so a value of this type is always a real date.
 * Arithmetic goes through the epoch-day number (days since 1970-01-01), which is exact and fast.
 */

declare const isoDateBrand: unique symbol
export type IsoDate = string & { readonly [isoDateBrand]: true }

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DUTCH_RE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/

function fromParts(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined
  const t = Date.UTC(year, month - 1, day)
  const d = new Date(t)
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return undefined
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate
}

/** Parses `YYYY-MM-DD`; returns undefined for anything else, including 2025-02-30. */
export function parseIsoDate(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string') return undefined
  const m = ISO_RE.exec(value)
  if (!m) return undefined
  return fromParts(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Parses the Dutch notation `dd-mm-jjjj` (also `d-m-jjjj`, `/` or `.` as separator). */
export function parseDutchDate(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string') return undefined
  const m = DUTCH_RE.exec(value.trim())
  if (!m) return undefined
  return fromParts(Number(m[3]), Number(m[2]), Number(m[1]))
}

/** Accepts either notation: what a person types or what a file holds. */
export function parseAnyDate(value: unknown): IsoDate | undefined {
  return parseIsoDate(value) ?? parseDutchDate(value)
}

/** Unchecked cast for literals in tests and fixtures; throws on an invalid date. */
export function isoDate(value: string): IsoDate {
  const d = parseIsoDate(value)
  if (!d) throw new Error(`Geen geldige datum: ${value}`)
  return d
}

/**
 * Days since 1970-01-01 by integer arithmetic (H. Hinnant's days_from_civil), without Date
 * objects: the rule core converts dates millions of times in a caseload.
 */
export function toEpochDay(date: IsoDate): number {
  let y =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48)
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48)
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48)
  if (m <= 2) y -= 1
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** The inverse of `toEpochDay` (civil_from_days). */
export function fromEpochDay(day: number): IsoDate {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}` as IsoDate
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days)
}

/** `b - a` in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a)
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** `dd-mm-jjjj`, the notation Dutch users read and type. */
export function formatDutchDate(date: IsoDate): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const

/** `6 januari 2025`, for documents. */
export function formatDutchLongDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay()
  return dow === 0 ? 7 : dow
}

/** Today's calendar date in the Netherlands, from an instant (the clock is injected at the edge). */
export function dateInAmsterdam(instant: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
  return parts as IsoDate
}
