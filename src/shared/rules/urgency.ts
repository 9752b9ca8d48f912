import { toEpochDay, type IsoDate } from '../kernel/iso-date'
import type { DossierTimeline, Milestone, MilestoneStatus } from './dossier-types'
import { PRODUCT_DEFAULTS } from './parameters'

/**
 * Caseload urgency (issue 3, item 5): overdue first, then due within 7 days, then within 14,
 * then later, then nothing to do. Only actions count (an event such as the end of wage
 * continuation is never "to do"). One number sorts 5,000 dossiers without comparing dates.
 */
export type UrgencyRank = 0 | 1 | 2 | 3 | 4

export type Urgency = {
  /** 0 = overdue, 1 = due within 7 days, 2 = within 14 days, 3 = later, 4 = nothing open. */
  readonly rank: UrgencyRank
  /** The milestone that sets the rank: the oldest overdue one, else the next one due. */
  readonly next?: Milestone
  /** How many actions are overdue. */
  readonly overdue: number
}

export type CaseloadUrgency = Urgency & {
  /** Ascending sort key: rank first, then the due date of `next` (earlier first). */
  readonly sortKey: number
  readonly counts: Readonly<Record<MilestoneStatus, number>>
}

const EPOCH_SPAN = 1_000_000 // epoch days stay below this until the year 4707

const emptyCounts = (): Record<MilestoneStatus, number> => ({
  open: 0,
  'due-soon': 0,
  overdue: 0,
  done: 0,
  'done-late': 0,
  'not-applicable': 0,
  waived: 0,
})

/** Urgency of one dossier timeline (undefined: a dossier without sick periods, rank 4). */
export function caseloadUrgency(
  timeline: DossierTimeline | undefined,
  today: IsoDate,
): CaseloadUrgency {
  const counts = emptyCounts()
  if (!timeline) return { rank: 4, overdue: 0, sortKey: 4 * EPOCH_SPAN, counts }
  const t = toEpochDay(today)
  let oldestOverdue: Milestone | undefined
  let nextOpen: Milestone | undefined
  let overdue = 0
  for (const m of timeline.milestones) {
    counts[m.status] += 1
    if (m.kind !== 'action') continue
    if (m.status === 'overdue') {
      overdue += 1
      if (!oldestOverdue || m.due < oldestOverdue.due) oldestOverdue = m
    } else if (
      (m.status === 'open' || m.status === 'due-soon') &&
      (!nextOpen || m.due < nextOpen.due)
    )
      nextOpen = m
  }
  const next = oldestOverdue ?? nextOpen
  if (!next) return { rank: 4, overdue: 0, sortKey: 4 * EPOCH_SPAN, counts }
  const dueDay = toEpochDay(next.due)
  const inDays = dueDay - t
  const rank: UrgencyRank = oldestOverdue
    ? 0
    : inDays <= PRODUCT_DEFAULTS.urgencyFirstBucketDays
      ? 1
      : inDays <= PRODUCT_DEFAULTS.urgencySecondBucketDays
        ? 2
        : 3
  return { rank, next, overdue, sortKey: rank * EPOCH_SPAN + dueDay, counts }
}

/** The rank, next milestone and overdue count (the caseload screen's original call). */
export function urgencyOf(timeline: DossierTimeline | undefined, today: IsoDate): Urgency {
  const u = caseloadUrgency(timeline, today)
  return u.next ? { rank: u.rank, next: u.next, overdue: u.overdue } : { rank: u.rank, overdue: 0 }
}
