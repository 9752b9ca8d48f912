import { param } from './parameters'

/**
 * The counted-day clock (poortwachter-domain.md §3.4, timeline-contract.md "The case and its
 * clock"). All dates are epoch days here; conversion happens at the edges.
 */
export type DaySpan = { readonly start: number; readonly end: number | undefined }
export type LeaveSpan = { readonly start: number; readonly end: number }

export type ChainedCase = {
  /** Index of the first input period that belongs to the case. */
  readonly firstIndex: number
  readonly periods: readonly DaySpan[]
}

function overlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const s = Math.max(aStart, bStart)
  const e = Math.min(aEnd, bEnd)
  return e >= s ? e - s + 1 : 0
}

function leaveDaysBetween(from: number, to: number, leaves: readonly LeaveSpan[]): number {
  let n = 0
  for (const l of leaves) n += overlap(from, to, l.start, l.end)
  return n
}

/**
 * Samentelling: chain backwards from the most recent period while the gap (calendar days between
 * them, minus leave days) is less than 28; a leave in the gap with a different cause on either
 * side breaks the chain (BW 7:629 lid 10, WIA 23 lid 3: the cause only matters around a leave).
 */
export function chainCase(
  periods: readonly DaySpan[],
  leaves: readonly LeaveSpan[],
  sameCauseAroundLeave: boolean,
): ChainedCase {
  let first = periods.length - 1
  for (let i = periods.length - 2; i >= 0; i--) {
    const prev = periods[i] as DaySpan
    const next = periods[i + 1] as DaySpan
    const prevEnd = prev.end as number
    const gapFrom = prevEnd + 1
    const gapTo = next.start - 1
    const leaveDays = gapTo >= gapFrom ? leaveDaysBetween(gapFrom, gapTo, leaves) : 0
    if (leaveDays > 0 && !sameCauseAroundLeave) break
    const gap = next.start - prevEnd - 1 - leaveDays
    if (gap >= param('chainGapDays')) break
    first = i
  }
  return { firstIndex: first, periods: periods.slice(first) }
}

/** Sick days of the case that are not leave days, up to and including `until`. */
export function countedDaysUntil(
  periods: readonly DaySpan[],
  leaves: readonly LeaveSpan[],
  until: number,
): number {
  let n = 0
  for (const p of periods) {
    const end = Math.min(p.end ?? until, until)
    if (end < p.start) continue
    n += end - p.start + 1 - leaveDaysBetween(p.start, end, leaves)
  }
  return n
}

/**
 * The date (epoch day) of the n-th counted sick day; the last period is projected as if the
 * sickness goes on, so every deadline has a date.
 */
export function nthCountedDay(
  periods: readonly DaySpan[],
  leaves: readonly LeaveSpan[],
  n: number,
): number {
  let remaining = n
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i] as DaySpan
    const last = i === periods.length - 1
    if (!last) {
      const len =
        (p.end as number) - p.start + 1 - leaveDaysBetween(p.start, p.end as number, leaves)
      if (len < remaining) {
        remaining -= len
        continue
      }
    }
    // Walk this period (open-ended when last), skipping leave days: leaves are few and sorted.
    let day = p.start
    for (;;) {
      const inLeave = leaves.find((l) => day >= l.start && day <= l.end)
      if (inLeave) {
        day = inLeave.end + 1
        continue
      }
      const nextLeave = leaves.reduce<number>(
        (m, l) => (l.start > day && l.start < m ? l.start : m),
        Number.POSITIVE_INFINITY,
      )
      const free = nextLeave - day
      if (free >= remaining) return day + remaining - 1
      remaining -= free
      day = nextLeave
    }
  }
  throw new Error('nthCountedDay: geen ziekteperiodes')
}
