import { param } from './parameters'

/**
 * The counted-day clock (poortwachter-domain.md §3.4, docs/timeline-contract.md "The case and its
 * clock"). All dates are epoch days (integers) here; conversion to `IsoDate` happens at the
 * edges. Nothing allocates per day: periods and leaves are walked as intervals.
 */
export type DaySpan = { readonly start: number; readonly end: number | undefined }

/**
 * A WAZO pregnancy/maternity leave, inclusive. `sameCause` (default true): whether sickness
 * directly before and after it has the same cause (BW 7:629 lid 10, WIA 23 lid 3 sub 2°).
 */
export type LeaveSpan = {
  readonly start: number
  readonly end: number
  readonly sameCause?: boolean
}

export type ChainedCase = {
  /** Index of the first input period that belongs to the case. */
  readonly firstIndex: number
  readonly periods: readonly DaySpan[]
}

/**
 * Leaves sorted by start and merged where they overlap or touch, so that no day is excluded
 * twice. A merged leave keeps `sameCause: false` if either part had it.
 */
export function normalizeLeaves(leaves: readonly LeaveSpan[]): LeaveSpan[] {
  if (leaves.length === 0) return []
  const sorted = [...leaves].sort((a, b) => a.start - b.start)
  const out: LeaveSpan[] = []
  let cur = sorted[0] as LeaveSpan
  for (let i = 1; i < sorted.length; i++) {
    const l = sorted[i] as LeaveSpan
    if (l.start <= cur.end + 1) {
      cur = {
        start: cur.start,
        end: Math.max(cur.end, l.end),
        sameCause: cur.sameCause !== false && l.sameCause !== false,
      }
    } else {
      out.push(cur)
      cur = l
    }
  }
  out.push(cur)
  return out
}

/** Days of [from, to] inside a leave; `leaves` normalized (disjoint). */
function leaveDaysIn(from: number, to: number, leaves: readonly LeaveSpan[]): number {
  let n = 0
  for (let i = 0; i < leaves.length; i++) {
    const l = leaves[i] as LeaveSpan
    const s = l.start > from ? l.start : from
    const e = l.end < to ? l.end : to
    if (e >= s) n += e - s + 1
  }
  return n
}

/**
 * Samentelling (BW 7:629 lid 10; WIA 23 lid 3; ZW 29 lid 5 and 38 lid 1; domain §3.2): chain
 * backwards from the most recent period while the gap — `next.start − prev.end − 1` calendar
 * days, minus leave days in it — is less than 28. Cause is irrelevant, except around a leave: a
 * leave in the gap with a different cause on either side starts a new case (WIA 23 lid 3 sub 2°).
 * `periods` chronological, non-overlapping, only the last open; `leaves` normalized.
 */
export function chainCase(periods: readonly DaySpan[], leaves: readonly LeaveSpan[]): ChainedCase {
  const maxGap = param('chainGapDays')
  let first = periods.length - 1
  for (let i = periods.length - 2; i >= 0; i--) {
    const prevEnd = (periods[i] as DaySpan).end as number
    const nextStart = (periods[i + 1] as DaySpan).start
    const gapFrom = prevEnd + 1
    const gapTo = nextStart - 1
    let leaveDays = 0
    let differentCause = false
    for (let j = 0; j < leaves.length; j++) {
      const l = leaves[j] as LeaveSpan
      const s = l.start > gapFrom ? l.start : gapFrom
      const e = l.end < gapTo ? l.end : gapTo
      if (e >= s) {
        leaveDays += e - s + 1
        if (l.sameCause === false) differentCause = true
      }
    }
    if (differentCause) break
    if (gapTo - gapFrom + 1 - leaveDays >= maxGap) break
    first = i
  }
  return { firstIndex: first, periods: first === 0 ? periods : periods.slice(first) }
}

/**
 * Counted sick days (in a period, not a leave day) from the case's start up to and including
 * `until`. An open period runs to `until`.
 */
export function countedDaysUntil(
  periods: readonly DaySpan[],
  leaves: readonly LeaveSpan[],
  until: number,
): number {
  let n = 0
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i] as DaySpan
    const end = p.end === undefined || p.end > until ? until : p.end
    if (end < p.start) continue
    n += end - p.start + 1
    if (leaves.length > 0) n -= leaveDaysIn(p.start, end, leaves)
  }
  return n
}

/**
 * Counted days up to `until` as if the last period never ended (the projection the contract
 * uses for deadlines beyond the last period).
 */
export function projectedCountedDaysUntil(
  periods: readonly DaySpan[],
  leaves: readonly LeaveSpan[],
  until: number,
): number {
  let n = 0
  const last = periods.length - 1
  for (let i = 0; i <= last; i++) {
    const p = periods[i] as DaySpan
    const pe = i === last || p.end === undefined ? until : p.end
    const end = pe > until ? until : pe
    if (end < p.start) continue
    n += end - p.start + 1
    if (leaves.length > 0) n -= leaveDaysIn(p.start, end, leaves)
  }
  return n
}

/**
 * The epoch day of the n-th counted sick day (n ≥ 1). The last period is projected as if the
 * sickness goes on, so every deadline has a date (docs/timeline-contract.md).
 */
export function nthCountedDay(
  periods: readonly DaySpan[],
  leaves: readonly LeaveSpan[],
  n: number,
): number {
  let remaining = n
  const last = periods.length - 1
  for (let i = 0; i <= last; i++) {
    const p = periods[i] as DaySpan
    if (i < last) {
      const end = p.end as number
      let len = end - p.start + 1
      if (leaves.length > 0) len -= leaveDaysIn(p.start, end, leaves)
      if (len < remaining) {
        remaining -= len
        continue
      }
    }
    // The n-th day lies in this period (or its projection): walk the leave-free stretches.
    let day = p.start
    for (let j = 0; j < leaves.length; j++) {
      const l = leaves[j] as LeaveSpan
      if (l.end < day) continue
      if (l.start > day) {
        const free = l.start - day
        if (free >= remaining) return day + remaining - 1
        remaining -= free
      }
      day = l.end + 1
    }
    return day + remaining - 1
  }
  throw new Error('nthCountedDay: a case has at least one sick period')
}
