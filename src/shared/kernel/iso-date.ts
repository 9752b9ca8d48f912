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
const MS_PER_DAY = 86_400_000

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

export function toEpochDay(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY)
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate
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
